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
SUBTITLE_WIDTH = 60  # in smaller type
# A notebook's output area (JupyterLab, JupyterLite, Colab) is as wide as its content, so a chart
# "as wide as its container" shrinks to its axes there; JupyterLab then keeps re-drawing it, since the
# PNG it makes of an empty plot is empty, until the tab runs out of memory. Notebooks get a width in
# pixels; the website draws the chart across its page column (`cnkz_build.explore`).
NOTEBOOK_WIDTH = 640
PDF_PLACEHOLDER = "<!-- an interactive chart: on the website and in JupyterLab -->"
SOURCE = "source"  # the column (and tooltip line) that names each point's source
# points big enough to hover; a line with a point on each value (the points carry the tooltips)
MARK_OPTIONS = {"point": {"filled": True, "size": 70}, "line": {"point": {"size": 50}}}
# one entry a line under the chart, long names whole: a phone-wide chart shows every entry
LEGEND = {"orient": "bottom", "direction": "vertical", "labelLimit": 320}
JOINED_BY = "; "  # the texts of the rows drawn as one mark


@dataclass(frozen=True)
class Field:
    """One column of the chart's data: its name, the title readers see, and its Vega-Lite type."""

    name: str
    title: str
    kind: str = "quantitative"  # or "temporal", "nominal", "ordinal"
    format: str | None = None  # a d3 number format for the tooltip and the data table, e.g. ",.0f"
    axis_format: str | None = None  # a coarser one for the axis labels (by default `format`)
    in_tooltip: bool = True  # False for a field another one shows better (a date with its precision)
    scale: dict | None = None  # e.g. {"type": "log"}
    sort: str | list | None = None  # the order along an axis, e.g. "-x", or the values in order

    def encoding(self, **extra) -> dict:
        log = (self.scale or {}).get("type") == "log"
        channel = {
            "field": self.name,
            "type": self.kind,
            "title": self.title + (" (log scale)" if log else ""),
        }
        if self.kind == "temporal":
            channel["scale"] = {"type": "utc"}  # dates are days, not instants: no time-zone shift
        if self.scale:
            channel["scale"] = channel.get("scale", {}) | self.scale
        if self.sort is not None:
            channel["sort"] = self.sort
        if self.kind == "quantitative" and (self.axis_format or self.format):
            channel["axis"] = {"format": self.axis_format or self.format}
        return channel | extra

    def tooltip(self) -> dict:
        line = {"field": self.name, "type": self.kind, "title": self.title}
        if self.format:
            line["format"] = self.format
        if self.kind == "temporal":
            line |= {"timeUnit": "utcyearmonthdate", "format": "%-d %B %Y"}
        return line


SOURCE_FIELD = Field(SOURCE, "Source", "nominal")


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
    text = {field.name for field in fields if field.kind in TEXT_KINDS}
    return [
        {
            name: value
            for name in names
            if (value := _json_value(row[name], MISSING_TEXT if name in text else None)) is not None
        }
        for _, row in rows[names].iterrows()
    ]


MISSING_TEXT = "—"
TEXT_KINDS = ("nominal", "ordinal")


def one_mark_per_place(rows: pd.DataFrame, place: list[str], joined: list[str]) -> pd.DataFrame:
    """Rows drawn at the same place as one row, so that no mark hides another's source.

    Rows with equal values in every `place` column (where and how a mark is drawn, and what a filter
    reads) become one; each `joined` column then lists its group's distinct texts, in order, joined
    by "; ". A group's missing texts are left out.
    """
    place = list(dict.fromkeys(place))
    joined = [name for name in dict.fromkeys(joined) if name not in place]
    grouped = rows.groupby(place, dropna=False, sort=False, observed=True)[joined]
    return grouped.agg(_join_texts).reset_index()


def _join_texts(values: pd.Series):
    texts = list(dict.fromkeys(str(value) for value in values.dropna()))
    return JOINED_BY.join(texts) if texts else None


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
    subtitle: str = "",
    colour: Field | None = None,
    colours: dict[str, str] | None = None,
    shape: Field | None = None,
    shapes: dict[str, str] | None = None,
    details: tuple[Field, ...] = (),
    pick: Field | None = None,
    zoom: bool = True,
    height: int = 320,
) -> dict:
    """A Vega-Lite spec: one mark per place of the rows of `rows`, which must have a `source` column
    (`with_sources`).

    `title` states the finding, `subtitle` says what to do (hover, pick, zoom). Rows drawn at the
    same place are one mark that names all their sources (`one_mark_per_place`). The tooltip shows
    x, y, the colour, the shape, any `details` and the source. `colours` maps values of the colour
    field to colours (the house palettes in `figures`), by default Okabe and Ito's palette; `shapes`
    maps values of the shape field to Vega-Lite shapes ("circle", "triangle-up", ...).
    `pick` adds a labelled drop-down that keeps only the rows with one value of that field; `zoom`
    lets the reader zoom the x axis (shift and the mouse wheel) and pan it (drag); a double click
    resets it.
    """
    drawn = [x, y, *([colour] if colour else []), *([shape] if shape else [])]
    shown = [*drawn, *details, SOURCE_FIELD]
    # years and lengths: the axis spans the data, not zero to the data; no mark cut at the edges
    x_scale = {"padding": 12} if x.kind == "temporal" else {}
    if x.kind == "quantitative" and mark != "bar":
        x_scale = {"zero": False, "nice": False, "padding": 12}
    encoding = {
        "x": x.encoding(**({"scale": x_scale | (x.scale or {})} if x_scale else {})),
        "y": y.encoding(),
        "tooltip": [field.tooltip() for field in shown if field.in_tooltip],
    }
    if colour:
        encoding["color"] = colour.encoding(scale=_colour_scale(colours), legend=LEGEND)
    if shape:
        encoding["shape"] = shape.encoding(legend=LEGEND, **({"scale": _scale(shapes)} if shapes else {}))
    spec = {
        "$schema": VEGA_LITE_SCHEMA,
        "title": _title(title, subtitle),
        "description": description,
        "width": NOTEBOOK_WIDTH,
        "height": height,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "data": {"values": _mark_values(rows, drawn, details, pick)},
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


def _mark_values(rows: pd.DataFrame, drawn: list[Field], details: tuple[Field, ...], pick: Field | None):
    """One record per mark: rows that differ only in their texts (and sources) share one."""
    kept_apart = [*drawn, *([pick] if pick else [])]
    joined = [f.name for f in details if f.kind in TEXT_KINDS and f.name not in {k.name for k in kept_apart}]
    at_place = [field.name for field in [*kept_apart, *details] if field.name not in joined]
    marks = one_mark_per_place(rows, at_place, [*joined, SOURCE])
    return records(marks, [*kept_apart, *details, SOURCE_FIELD])


def _title(title: str, subtitle: str) -> dict:
    """The finding, and under it what the reader can do, in lines that fit a phone."""
    lines = {"text": textwrap.wrap(title, TITLE_WIDTH), "anchor": "start"}
    if subtitle:
        lines["subtitle"] = textwrap.wrap(subtitle, SUBTITLE_WIDTH)
    return lines


def _scale(values: dict[str, str]) -> dict:
    return {"domain": list(values), "range": list(values.values())}


def _colour_scale(colours: dict[str, str] | None) -> dict:
    return _scale(colours) if colours else {"range": list(OKABE_ITO.values())}


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
    """The HTML of `frame` for readers; a long one whole (no rows cut) and marked for the site.

    A named index is shown as columns, which the site can sort; the default index 0, 1, 2, ... is
    not shown at all.
    """
    frame, show_index = _index_for_readers(frame)
    if len(frame) < SEARCHABLE_FROM_ROWS:
        return _html(frame, show_index)
    # every row, and every index value on its own row, so that each row can be found and sorted alone
    with pd.option_context(
        "display.max_rows", None, "display.max_columns", None, "display.multi_sparse", False
    ):
        table = _html(frame, show_index)
    return f'<div class="cnkz-table" {TABLE_MARKER}="{len(frame)}">{table}</div>'


def _index_for_readers(frame: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    """`frame` with a named index moved into its columns, and whether its index is worth showing."""
    names = [name for name in frame.index.names if name is not None]
    if names and not set(names) & set(frame.columns):
        return _without_column_names(frame.reset_index()), False
    if isinstance(frame.index, pd.RangeIndex) and not names:
        return _without_column_names(frame), False
    return frame, True


def _without_column_names(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` without a name on its columns (a pivot's "source_id"): with no index shown, pandas would
    write that name over a column of its own, left empty."""
    return frame.rename_axis(columns=[None] * frame.columns.nlevels)


def _html(frame: pd.DataFrame, index: bool) -> str:
    """The HTML pandas writes for a notebook (its display options), with or without the index."""
    return frame.to_html(
        index=index,
        notebook=True,
        max_rows=pd.get_option("display.max_rows"),
        max_cols=pd.get_option("display.max_columns"),
        show_dimensions=pd.get_option("display.show_dimensions"),
        float_format=pd.get_option("display.float_format"),
    )


def searchable_tables(shell=None) -> None:
    """From now on, every DataFrame output of this notebook of SEARCHABLE_FROM_ROWS rows or more is
    searchable on the site."""
    format_dataframes("text/html", searchable_html, shell)
