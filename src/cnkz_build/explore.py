"""Sphinx extension: the website's interactive figures and searchable tables, offline.

A chapter's interactive chart is a Vega-Lite output (`cnkz.display.interactive`).
`VegaLiteOutput`, a myst-nb mime renderer (registered in pyproject.toml), turns
it into HTML: the spec in a JSON script, an accessible name, and the chart's
data as a table in a disclosure for readers who cannot use the chart. The
Vega, Vega-Lite and Vega-Embed bundles (npm packages fetched at set-up,
`web_assets`) are copied once into `_static/vega/`, and a page loads them, and
the book's own small script and style sheet, only if it has a chart or a long
table. The PDF never sees any of this: its builder takes the static figure and
the Markdown table.
"""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

from docutils import nodes

from cnkz.display.interactive import TABLE_MARKER, VEGA_LITE_MIME, title_text

from . import web_assets

STATIC = Path(__file__).parent / "static"
CHART_CLASS = "cnkz-chart"
# (npm package, file in the package): served from _static/vega/, loaded in this order
VEGA_BUNDLES = [
    ("vega", "build/vega.min.js"),
    ("vega-lite", "build/vega-lite.min.js"),
    ("vega-embed", "build/vega-embed.min.js"),
]
HTML_BUILDERS = ("html", "dirhtml", "singlehtml")


class VegaLiteOutput:
    """myst-nb mime renderer: a Vega-Lite output becomes the site's chart HTML (HTML builders only)."""

    mime_priority_overrides = [(builder, VEGA_LITE_MIME, 25) for builder in HTML_BUILDERS]

    @staticmethod
    def handle_mime(renderer, data, inline: bool):
        if data.mime_type != VEGA_LITE_MIME or inline:
            return None
        return [nodes.raw("", chart_html(data.content), format="html")]


def chart_html(spec: dict) -> str:
    """The chart's container, its spec for the site's script (as wide as the page column), and its data
    as a table."""
    spec = {**spec, "width": "container"}
    spec_json = json.dumps(spec, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    label = html.escape(f"Interactive chart: {title_text(spec)}. {spec['description']}")
    return (
        f'<figure class="{CHART_CLASS}" aria-label="{label}"><div class="cnkz-chart-view"></div>'
        f'<script type="application/json" class="cnkz-chart-spec">{spec_json}</script>'
        f"{data_table(spec)}</figure>"
    )


def data_table(spec: dict) -> str:
    """The values behind the chart, one row per mark, with the tooltip's columns and titles."""
    columns = spec["encoding"]["tooltip"]
    head = "".join(f'<th scope="col">{html.escape(line["title"])}</th>' for line in columns)
    body = "".join(
        "<tr>"
        + "".join(f"<td>{_cell(row.get(line['field']), line.get('format'))}</td>" for line in columns)
        + "</tr>"
        for row in spec["data"]["values"]
    )
    return (
        '<details class="cnkz-chart-data"><summary>The data behind this interactive chart</summary>'
        f'<div class="cnkz-table" {TABLE_MARKER}="{len(spec["data"]["values"])}">'
        f'<table class="dataframe"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'
        "</details>"
    )


def _cell(value, number_format: str | None) -> str:
    """A value as the tooltip shows it: a number in the tooltip's format (d3's, which Python reads alike)."""
    if value is None:
        return "—"
    if isinstance(value, float) or (number_format and isinstance(value, int)):
        return _number(value, number_format)
    return html.escape(str(value))


def _number(value: float, d3_format: str | None) -> str:
    # The book's d3 formats (",.0f", ".1f", "d") mean the same in Python, where "d" needs an int;
    # d3's "~" (".1~f": 4.7, but 74 not 74.0) drops trailing zeros, which Python's format does not know.
    if d3_format == "d" and float(value).is_integer():
        value = int(value)
    trim = bool(d3_format) and "~" in d3_format
    try:
        text = format(value, d3_format.replace("~", "")) if d3_format else f"{value:,.10g}"
    except ValueError:  # a d3 format Python does not know
        return f"{value:,.10g}"
    return text.rstrip("0").rstrip(".") if trim and "." in text else text


def _add_static_path(app, config) -> None:
    config.html_static_path = [*config.html_static_path, str(STATIC)]


def _on_html_page_context(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    has_chart, has_table = f'class="{CHART_CLASS}"' in body, TABLE_MARKER in body
    if not (has_chart or has_table):
        return
    if has_chart:
        for _, path in VEGA_BUNDLES:
            app.add_js_file(f"vega/{Path(path).name}", priority=600)
    app.add_js_file("cnkz-explore.js", priority=610)
    app.add_css_file("cnkz-explore.css")


def _copy_vega(app, exception) -> None:
    if exception or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / "vega"
    target.mkdir(parents=True, exist_ok=True)
    for package, path in VEGA_BUNDLES:
        shutil.copyfile(web_assets.package_dir(package) / path, target / Path(path).name)


def setup(app):
    app.connect("config-inited", _add_static_path)
    app.connect("html-page-context", _on_html_page_context)
    app.connect("build-finished", _copy_vega)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
