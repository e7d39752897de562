"""Explore without code: interactive figures and searchable tables, as plain data.

A chart here is a Vega-Lite specification built as a plain dict (no Altair:
the chapters also run in the browser, under Pyodide, with pandas and
matplotlib only). `Chart` shows it as the `application/vnd.vegalite.v5+json`
output that JupyterLab and JupyterLite draw themselves; the book's website
draws the same output with the Vega scripts it serves from its own `_static`
(`cnkz_build.explore`). Every point's tooltip names its value and its source.

`searchable_tables()` makes every long DataFrame output carry all its rows,
marked for the website's script to add a search box, sortable columns and
pages. The static matplotlib figures and the printed (Markdown) tables stay
as they are: the PDF and nbval use those.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

import pandas as pd

from ..datapackage import load
from .figures import OKABE_ITO
from .printable import format_dataframes
from .text import show_date

VEGA_LITE_MIME = "application/vnd.vegalite.v5+json"
VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"  # only names the version; never fetched
SEARCHABLE_FROM_ROWS = 16  # a table this long or longer gets search, sorting and pages on the website
TABLE_MARKER = "data-cnkz-table"
TITLE_WIDTH = 50  # characters on a title line
# A notebook's output area (JupyterLab, JupyterLite, Colab) is as wide as its content, so a chart
# "as wide as its container" shrinks to its axes there; JupyterLab then keeps re-drawing it, since the
# PNG it makes of an empty plot is empty, until the tab runs out of memory. Notebooks get a width in
# pixels; the website draws the chart across its page column (`cnkz_build.explore`).
NOTEBOOK_WIDTH = 640
PDF_PLACEHOLDER = "<!-- an interactive chart: on the website and in JupyterLab -->"
SOURCE = "source"  # the column (and tooltip line) that names each point's source
# points big enough to hover; a line with a point on each value (the points carry the tooltips)
MARK_OPTIONS = {"point": {"filled": True, "size": 70}, "line": {"point": {"size": 50}}}


@dataclass(frozen=True)
class Field:
    """One column of the chart's data: its name, the title readers see, and its Vega-Lite type."""

    name: str
    title: str
    kind: str = "quantitative"  # or "temporal", "nominal", "ordinal"
    format: str | None = None  # a d3 number format for the tooltip, e.g. ",.0f"
    in_tooltip: bool = True  # False for a field another one shows better (a date with its precision)
    scale: dict | None = None  # e.g. {"type": "log"}
    sort: str | list | None = None  # the order along an axis, e.g. "-x", or the values in order

    def encoding(self, **extra) -> dict:
        channel = {"field": self.name, "type": self.kind, "title": self.title}
        if self.kind == "temporal":
            channel["scale"] = {"type": "utc"}  # dates are days, not instants: no time-zone shift
        if self.scale:
            channel["scale"] = channel.get("scale", {}) | self.scale
        if self.sort is not None:
            channel["sort"] = self.sort
        if self.kind == "quantitative" and self.format:
            channel["axis"] = {"format": self.format}
        return channel | extra

    def tooltip(self) -> dict:
        line = {"field": self.name, "type": self.kind, "title": self.title}
        if self.format:
            line["format"] = self.format
        if self.kind == "temporal":
            line |= {"timeUnit": "utcyearmonthdate", "format": "%-d %B %Y"}
        return line


def with_sources(rows: pd.DataFrame, data_dir=None, column: str = "source_id") -> pd.DataFrame:
    """`rows` with a `source` column: each row's publisher and title, from the sources registry."""
    registry = load("sources", data_dir).set_index("id")
    unknown = set(rows[column].dropna()) - set(registry.index)
    if unknown:
        raise KeyError(f"source ids not in sources.csv: {sorted(unknown)}")
    named = rows[column].map(registry["publisher"] + ": " + registry["title"])
    return rows.assign(**{SOURCE: named + " [" + rows[column] + "]"})


def with_readable_dates(
    rows: pd.DataFrame, date: str = "date", precision: str = "date_precision", column: str = "when"
) -> pd.DataFrame:
    """`rows` with a `when` column: each date written only as precisely as its source gives it."""
    return rows.assign(**{column: [show_date(d, p) for d, p in zip(rows[date], rows[precision])]})


def records(rows: pd.DataFrame, fields: list[Field]) -> list[dict]:
    """The chart's data: one JSON-ready dict per row, with only the fields the chart uses."""
    names = list(dict.fromkeys(field.name for field in fields))
    # A missing text shows as a dash (Vega's tooltip would print "undefined"); a missing number is left
    # out, so that no mark is drawn for it.
    text = {field.name for field in fields if field.kind == "nominal"}
    return [
        {
            name: value
            for name in names
            if (value := _json_value(row[name], MISSING_TEXT if name in text else None)) is not None
        }
        for _, row in rows[names].iterrows()
    ]


MISSING_TEXT = "—"


def _json_value(value, missing=None):
    if value is None or value is pd.NA or value is pd.NaT:
        return missing
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return missing
    return value


def chart_spec(
    rows: pd.DataFrame,
    *,
    mark: str,
    x: Field,
    y: Field,
    title: str,
    description: str,
    colour: Field | None = None,
    colours: dict[str, str] | None = None,
    details: tuple[Field, ...] = (),
    pick: Field | None = None,
    zoom: bool = True,
    height: int = 320,
) -> dict:
    """A Vega-Lite spec: one mark per row of `rows`, which must have a `source` column (`with_sources`).

    The tooltip shows x, y, the colour, any `details` and the source. `colours` maps values of the
    colour field to colours (the house palettes in `figures`); by default Okabe and Ito's palette.
    `pick` adds a labelled drop-down that keeps only the rows with one value of that field; `zoom`
    lets the reader zoom the x axis (shift and the mouse wheel) and pan it (drag); a double click
    resets it.
    """
    source = Field(SOURCE, "Source", "nominal")
    shown = [x, y, *([colour] if colour else []), *details, source]
    # years and lengths: the axis spans the data, not zero to the data
    x_scale = (
        {"zero": False, "nice": False, "padding": 12} if x.kind == "quantitative" and mark != "bar" else {}
    )
    encoding = {
        "x": x.encoding(**({"scale": x_scale | (x.scale or {})} if x_scale else {})),
        "y": y.encoding(),
        "tooltip": [field.tooltip() for field in shown if field.in_tooltip],
    }
    if colour:
        encoding["color"] = colour.encoding(scale=_colour_scale(colours), legend={"orient": "bottom"})
    spec = {
        "$schema": VEGA_LITE_SCHEMA,
        "title": {"text": textwrap.wrap(title, TITLE_WIDTH), "anchor": "start"},  # lines that fit a phone
        "description": description,
        "width": NOTEBOOK_WIDTH,
        "height": height,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "data": {"values": records(rows, shown + ([pick] if pick else []))},
        "mark": {"type": mark, "tooltip": True} | MARK_OPTIONS.get(mark, {}),
        "encoding": encoding,
        "params": [],
    }
    if zoom and x.kind in ("quantitative", "temporal"):
        spec["params"].append(_zoom_param())
    if pick:
        spec["params"].append(_pick_param(rows, pick))
        spec["transform"] = [{"filter": f"pick == 'all' || datum[{pick.name!r}] == pick"}]
    return spec


def _colour_scale(colours: dict[str, str] | None) -> dict:
    if colours:
        return {"domain": list(colours), "range": list(colours.values())}
    return {"range": list(OKABE_ITO.values())}


def _zoom_param() -> dict:
    return {
        "name": "zoom",
        "select": {"type": "interval", "encodings": ["x"], "zoom": "wheel![event.shiftKey]"},
        "bind": "scales",
    }


def _pick_param(rows: pd.DataFrame, pick: Field) -> dict:
    values = sorted(rows[pick.name].dropna().unique().tolist())
    return {
        "name": "pick",
        "value": "all",
        "bind": {"input": "select", "options": ["all", *values], "name": f"Show {pick.title.lower()}: "},
    }


class Chart:
    """A Vega-Lite chart as a notebook output: JupyterLab draws it, the book's site draws it too.

    Its Markdown form is only a comment: the PDF, which cannot draw the chart, prints nothing for it
    and shows the static figure above it (an empty form would leave the PDF the text/plain one).
    """

    def __init__(self, spec: dict):
        self.spec = spec

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {
            VEGA_LITE_MIME: self.spec,
            "text/markdown": PDF_PLACEHOLDER,
            "text/plain": repr(self),
        }

    def __repr__(self) -> str:
        return f"<Interactive chart: {title_text(self.spec)}>"


def title_text(spec: dict) -> str:
    """The chart's title as one line."""
    return " ".join(spec["title"]["text"])


def chart(rows: pd.DataFrame, data_dir=None, **options) -> Chart:
    """`chart_spec` of `rows` with each row's source named, as a notebook output."""
    return Chart(chart_spec(with_sources(rows, data_dir), **options))


def searchable_html(frame: pd.DataFrame) -> str:
    """The HTML of `frame` as pandas writes it; a long one whole (no rows cut) and marked for the site."""
    if len(frame) < SEARCHABLE_FROM_ROWS:
        return frame._repr_html_()
    # every row, and every index value on its own row, so that each row can be found and sorted alone
    with pd.option_context(
        "display.max_rows", None, "display.max_columns", None, "display.multi_sparse", False
    ):
        table = frame._repr_html_()
    return f'<div class="cnkz-table" {TABLE_MARKER}="{len(frame)}">{table}</div>'


def searchable_tables(shell=None) -> None:
    """From now on, every DataFrame output of this notebook of SEARCHABLE_FROM_ROWS rows or more is
    searchable on the site."""
    format_dataframes("text/html", searchable_html, shell)
