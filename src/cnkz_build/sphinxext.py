"""Sphinx extension: re-execute exactly the notebooks whose inputs changed.

Jupyter Book's execution cache keys a notebook on its code cells only, so a
corrected row in data/ would otherwise leave stale numbers in the book. Each
notebook's digest (`cnkz_build.inputs`) covers the tables and cnkz modules it
reads. Two stamps keep the digests: one in the cache folder (a stale
notebook's cached result is removed) and one in Sphinx's environment (its
page is re-read). `tools/prewarm_cache.py` may fill the cache in parallel
before the build; it uses the same stamps.

It also wires in four helpers: it writes each inline script of a page once
(`inline_scripts`), it leaves out the launch buttons while no
repository is set (`launch`), prepares the PDF: Chinese characters and
table column widths (`latex`), and pastes the prose's inline expressions
{eval}`name` from the notebook's glued values (`lab`).
"""

from __future__ import annotations

import json
from pathlib import Path

from .inputs import notebook_digest
from .latex import cjk_characters, cjk_preamble, exercise_label_aliases, set_table_widths
from .launch import without_unusable_launch_buttons

STAMP = "cnkz-inputs.json"


def chapter_notebooks(book_dir: Path) -> list[Path]:
    """Every notebook under `book_dir`, never JupyterLab's checkpoint copies."""
    return [nb for nb in sorted(book_dir.rglob("*.ipynb")) if ".ipynb_checkpoints" not in nb.parts]


def notebook_digests(notebooks: list[Path], root: Path, data_dir: Path, package_dir: Path) -> dict[str, str]:
    """Each notebook's input digest, keyed by its path relative to `root`."""
    return {nb.relative_to(root).as_posix(): notebook_digest(nb, data_dir, package_dir) for nb in notebooks}


def refresh_cache(cache_dir: Path, root: Path, digests: dict[str, str]) -> list[str]:
    """Remove the cached results of notebooks whose inputs changed; return those notebooks.

    A notebook never stamped before counts as changed only if the cache holds
    a result for it (a result computed from unknown inputs).
    """
    stamp = cache_dir / STAMP
    previous = json.loads(stamp.read_text()) if stamp.is_file() else {}
    stale = [name for name, digest in digests.items() if previous.get(name) != digest]
    if stale and (cache_dir / "global.db").is_file():  # jupyter-cache's database: results exist
        _forget(cache_dir, [root / name for name in stale if (root / name).is_file()])
    cache_dir.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n")
    return stale


def _forget(cache_dir: Path, notebooks: list[Path]) -> None:
    import nbformat
    from jupyter_cache import get_cache

    cache = get_cache(str(cache_dir))
    for notebook in notebooks:
        try:
            record = cache.match_cache_notebook(nbformat.read(notebook, as_version=4))
        except KeyError:
            continue
        cache.remove_cache(record.pk)


def _paths(app, config) -> tuple[Path, Path, Path]:
    root = Path(app.srcdir)
    return root, root / config.cnkz_data_dir, root / config.cnkz_package_dir


def _on_config_inited(app, config) -> None:
    root, data_dir, package_dir = _paths(app, config)
    cache_path = Path(config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache")
    app.cnkz_digests = notebook_digests(
        chapter_notebooks(root / config.cnkz_book_dir), root, data_dir, package_dir
    )
    refresh_cache(cache_path, root, app.cnkz_digests)


def _on_env_get_outdated(app, env, added, changed, removed) -> list[str]:
    """The pages of notebooks whose inputs changed since they were last read."""
    previous = getattr(env, "cnkz_digests", {})
    env.cnkz_digests = app.cnkz_digests
    changed_notebooks = {name for name, digest in app.cnkz_digests.items() if previous.get(name) != digest}
    return sorted(
        doc for doc in env.found_docs if Path(env.doc2path(doc, False)).as_posix() in changed_notebooks
    )


def _on_config_inited_launch(app, config) -> None:
    config.html_theme_options = without_unusable_launch_buttons(config.html_theme_options)


def _on_config_inited_latex(app, config) -> None:
    root, data_dir, _ = _paths(app, config)
    characters = cjk_characters([data_dir, root / config.cnkz_book_dir])
    if characters:
        config.latex_elements["preamble"] = cjk_preamble(characters) + config.latex_elements.get(
            "preamble", ""
        )


def _on_doctree_read(app, doctree) -> None:
    if app.builder.format == "latex":
        exercise_label_aliases(doctree, app.env.docname)


def _on_doctree_resolved(app, doctree, docname) -> None:
    if app.builder.format == "latex":
        set_table_widths(doctree)
        exercise_label_aliases(doctree)  # the assembled book: pages read for HTML have no aliases yet


def _on_builder_inited_eval(app) -> None:
    """{eval}`name` pastes the value glued as `name`, as {glue:text} did.

    MyST-NB's own `eval` role needs a live kernel (inline execution), which the
    cached build has not; `cnkz.display.inline.glue` binds the glued value to the
    same name, so JupyterLab evaluating the expression gets the same value.
    """
    from myst_nb.ext.glue.roles import PasteTextRole

    app.add_role("eval", PasteTextRole(), override=True)


def setup(app):
    app.add_config_value("cnkz_book_dir", "book", "env")
    app.add_config_value("cnkz_data_dir", "data", "env")
    app.add_config_value("cnkz_package_dir", "src/cnkz", "env")
    app.connect("config-inited", _on_config_inited, priority=400)
    app.connect("config-inited", _on_config_inited_launch)
    app.connect("config-inited", _on_config_inited_latex)
    app.connect("env-get-outdated", _on_env_get_outdated)
    app.connect("doctree-read", _on_doctree_read)
    app.connect("doctree-resolved", _on_doctree_resolved)
    app.connect("builder-inited", _on_builder_inited_eval)
    app.setup_extension("cnkz_build.inline_scripts")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
