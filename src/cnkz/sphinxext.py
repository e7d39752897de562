"""Sphinx extension: re-execute the notebooks when the data or cnkz change.

Jupyter Book's execution cache keys on a notebook's code cells only, so a
corrected row in data/ would otherwise leave stale numbers in the book. This
extension hashes the inputs every chapter reads. Two stamps keep the hash:
one in the cache folder (a cache filled from other inputs is emptied) and
one in Sphinx's environment (pages built from other inputs are re-read). A
build with unchanged inputs keeps both. `tools/prewarm_cache.py` may fill the
cache in parallel before the build; it uses the same stamp.

It also leaves out the launch buttons while `repository.url` in
`_config.yml` is empty: sphinx-book-theme fails on a launch button without a
repository instead of skipping it.

And it lets the PDF print Chinese. XeTeX has no font fallback, and switching
fonts at the edges of a Chinese run (ucharclasses) breaks when the run ends a
link's text. So each Chinese character the data use is made to set itself in
a CJK font (`\newunicodechar`), a self-contained switch wherever it stands.
Tables from Markdown have no column widths: LaTeX prints long ones in `l`
columns, which never wrap and run off the page, and squeezes short ones
column by column. Each gets widths from its content instead (see
`column_widths`), and wraps within the page.
"""

from __future__ import annotations

import hashlib
import math
import re
import shutil
from pathlib import Path

from .package import default_data_dir

STAMP = "cnkz-inputs.sha256"
CJK_FONT = "Droid Sans Fallback"  # Debian's fonts-droid-fallback; `make pdf` installs it
# CJK radicals, symbols and punctuation, kana, unified ideographs, compatibility forms, fullwidth forms
CJK_CHARACTER = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")


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


def without_unusable_launch_buttons(theme_options: dict) -> dict:
    """The theme options, minus the launch buttons if no repository is set."""
    if theme_options.get("repository_url"):
        return theme_options
    return {key: value for key, value in theme_options.items() if key != "launch_buttons"}


def _on_config_inited_launch(app, config) -> None:
    config.html_theme_options = without_unusable_launch_buttons(config.html_theme_options)


def cjk_characters(paths: list[str | Path]) -> list[str]:
    """Every CJK character in the text files under `paths`, sorted."""
    found: set[str] = set()
    for root in map(Path, paths):
        for path in [root] if root.is_file() else root.rglob("*"):
            if path.is_file() and path.suffix in (".csv", ".json", ".md", ".ipynb"):
                found |= set(CJK_CHARACTER.findall(path.read_text(encoding="utf-8")))
    return sorted(found)


def cjk_preamble(characters: list[str]) -> str:
    """LaTeX preamble lines that set each character in the CJK font, with a line-break point after it."""
    lines = ["\\usepackage{newunicodechar}", f"\\newfontfamily\\cjkfont{{{CJK_FONT}}}"]
    # \char, not the character itself, which inside its own definition would recurse
    lines += [f"\\newunicodechar{{{c}}}{{{{\\cjkfont\\char{ord(c)} }}\\hspace{{0pt}}}}" for c in characters]
    return "\n".join(lines) + "\n"


def _on_config_inited_latex(app, config) -> None:
    characters = cjk_characters([default_data_dir(), Path(app.srcdir) / "book"])
    if characters:
        elements = config.latex_elements
        elements["preamble"] = cjk_preamble(characters) + elements.get("preamble", "")


MIN_WIDTH, MAX_WIDTH = 2, 10  # bounds of a column's weight, so that none vanishes or takes the page


def column_widths(rows: list[list[str]]) -> list[int]:
    """Relative column widths, in tenths: the square root of the mean length of a column's non-empty
    cells (CJK characters count double, as they print twice as wide). The root narrows the gap
    between a column of long descriptions and one of short names, so both stay readable."""
    def printed(text: str) -> int:
        return len(text) + len(CJK_CHARACTER.findall(text))

    widths = []
    for column in zip(*rows):
        cells = [cell for cell in column if cell.strip()] or [""]
        mean = sum(map(printed, cells)) / len(cells)
        widths.append(round(10 * min(max(math.sqrt(mean), MIN_WIDTH), MAX_WIDTH)))
    return widths


def _set_table_widths(app, doctree, docname) -> None:
    from docutils import nodes

    if app.builder.format != "latex":
        return
    for table in doctree.findall(nodes.table):
        if "colwidths-auto" not in table["classes"]:
            continue
        colspecs = list(table.findall(nodes.colspec))
        rows = [[entry.astext() for entry in row.findall(nodes.entry)] for row in table.findall(nodes.row)]
        rows = [row for row in rows if len(row) == len(colspecs)]  # a spanning row says nothing of widths
        if not rows:
            continue
        for colspec, width in zip(colspecs, column_widths(rows)):
            colspec["colwidth"] = width
        table["classes"] = [c for c in table["classes"] if c != "colwidths-auto"] + ["colwidths-given"]


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
    app.connect("doctree-resolved", _set_table_widths)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
