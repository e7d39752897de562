"""Sphinx extension: re-execute the notebooks when the data or cnkz change.

Jupyter Book's execution cache keys on a notebook's code cells only, so a
corrected row in data/ would otherwise leave stale numbers in the book. This
extension hashes the inputs every chapter reads. Two stamps keep the hash:
one in the cache folder (a cache filled from other inputs is emptied) and
one in Sphinx's environment (pages built from other inputs are re-read). A
build with unchanged inputs keeps both. `tools/prewarm_cache.py` may fill the
cache in parallel before the build; it uses the same stamp.

It also wires in two helpers: it leaves out the launch buttons while no
repository is set (`cnkz.launch`), and prepares the PDF: Chinese characters
and table column widths (`cnkz.latex`).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from .launch import without_unusable_launch_buttons
from .latex import cjk_characters, cjk_preamble, set_table_widths
from .package import default_data_dir

STAMP = "cnkz-inputs.sha256"


def default_inputs() -> list[str]:
    return [str(default_data_dir()), str(Path(__file__).resolve().parent)]


def inputs_digest(paths: list[str | Path]) -> str:
    """SHA-256 over the names and bytes of every file under `paths` (caches skipped)."""
    digest = hashlib.sha256()
    for root in sorted(Path(p) for p in paths):
        files = [root] if root.is_file() else sorted(f for f in root.rglob("*") if f.is_file())
        for path in files:
            if "__pycache__" in path.parts:
                continue
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def refresh_cache(cache_dir: Path, digest: str) -> bool:
    """Empty `cache_dir` if it was filled from other inputs; True if it was emptied."""
    stamp = cache_dir / STAMP
    previous = stamp.read_text().strip() if stamp.is_file() else None
    changed = previous != digest
    if changed and cache_dir.exists():
        shutil.rmtree(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest + "\n")
    return changed


def _on_config_inited(app, config) -> None:
    cache_path = config.nb_execution_cache_path or str(Path(app.outdir).parent / ".jupyter_cache")
    app.cnkz_digest = inputs_digest(config.cnkz_inputs or default_inputs())
    refresh_cache(Path(cache_path), app.cnkz_digest)


def _on_config_inited_launch(app, config) -> None:
    config.html_theme_options = without_unusable_launch_buttons(config.html_theme_options)


def _on_config_inited_latex(app, config) -> None:
    characters = cjk_characters([default_data_dir(), Path(app.srcdir) / "book"])
    if characters:
        config.latex_elements["preamble"] = cjk_preamble(characters) + config.latex_elements.get("preamble", "")


def _on_doctree_resolved(app, doctree, docname) -> None:
    if app.builder.format == "latex":
        set_table_widths(doctree)


def _on_env_get_outdated(app, env, added, changed, removed) -> list[str]:
    """Every notebook, if the pages were last read from other inputs."""
    if getattr(env, "cnkz_digest", None) == app.cnkz_digest:
        return []
    env.cnkz_digest = app.cnkz_digest
    return sorted(doc for doc in env.found_docs if env.doc2path(doc).endswith(".ipynb"))


def setup(app):
    app.add_config_value("cnkz_inputs", [], "env")
    app.connect("config-inited", _on_config_inited, priority=400)
    app.connect("config-inited", _on_config_inited_launch)
    app.connect("config-inited", _on_config_inited_latex)
    app.connect("env-get-outdated", _on_env_get_outdated)
    app.connect("doctree-resolved", _on_doctree_resolved)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
