"""Interactive charts as plain Vega-Lite dicts, and long tables marked for the website's search."""

import json
import re

import jsonschema
import numpy as np
import pandas as pd
import pytest
from IPython.core.interactiveshell import InteractiveShell

import cnkz
from cnkz.display import interactive
from cnkz.display.interactive import Field
from cnkz_build import web_assets

SIPRI = "sipri-milex"
VDEM = "vdem-v15"


def rows():
    return pd.DataFrame(
        {
            "year": np.array([2019, 2020, 2021], dtype="int64"),
            "value": [4.5, np.nan, 3.25],
            "country": ["KAZ", "KAZ", "CHN"],
            "note": ["first", None, "third"],
            "source_id": [SIPRI, SIPRI, VDEM],
        }
    )


def spec(**options):
    defaults = dict(
        mark="point",
        x=Field("year", "Year", format="d"),
        y=Field("value", "Value", format=",.1f"),
        colour=Field("country", "Country", "nominal"),
        details=(Field("note", "Note", "nominal"),),
        title="A title",
        description="What the chart shows.",
    )
    return interactive.chart(rows(), **(defaults | options)).spec


@pytest.fixture(scope="module")
def vega_lite_schema():
    path = web_assets.package_dir("vega-lite") / "build" / "vega-lite-schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"mark": "line", "y": Field("value", "Value", scale={"type": "log"})},
        {"mark": "bar", "zoom": False, "y": Field("country", "Country", "nominal", sort="-x")},
        {"pick": Field("country", "Country", "nominal")},
        {"x": Field("date", "Date", "temporal")},
        {"subtitle": "Hover a dot", "shape": Field("note", "Note", "nominal"), "shapes": {"first": "square"}},
    ],
)
def test_every_kind_of_chart_is_a_valid_spec_for_the_served_vega_lite(vega_lite_schema, options):
    dated = rows().assign(date=pd.to_datetime(["2019-03-01", "2020-04-02", "2021-05-03"]))
    document = interactive.chart(
        dated, **(_minimal() | {"colour": Field("country", "Country", "nominal")} | options)
    ).spec
    # Vega-Lite's schema is taken as published: checking the schema itself would depend on which optional
    # format checkers (URI syntax) happen to be installed.
    jsonschema.validators.validator_for(vega_lite_schema)(vega_lite_schema).validate(document)
    json.dumps(document, allow_nan=False)  # strict JSON: no NaN for the browser to choke on


def test_each_point_carries_its_value_and_its_source_named_from_the_registry():
    document = spec()
    registry = cnkz.load("sources").set_index("id")
    first = document["data"]["values"][0]
    assert first["value"] == 4.5
    assert registry.loc[SIPRI, "publisher"] in first["source"] and SIPRI in first["source"]
    assert registry.loc[VDEM, "title"] in document["data"]["values"][2]["source"]
    tooltip = {line["field"]: line for line in document["encoding"]["tooltip"]}
    assert list(tooltip) == ["year", "value", "country", "note", "source"]
    assert tooltip["value"]["format"] == ",.1f"


def test_a_missing_number_is_left_out_a_missing_text_is_a_dash_and_numbers_are_plain_python():
    values = spec()["data"]["values"]
    assert "value" not in values[1] and values[1]["note"] == interactive.MISSING_TEXT
    assert type(values[0]["year"]) is int


def test_dates_are_written_as_days_and_a_field_can_stay_out_of_the_tooltip():
    dated = rows().assign(
        date=pd.to_datetime(["2019-03-01", "2020-04-02", None]), date_precision=["day", "month", "year"]
    )
    chart = interactive.chart(
        interactive.with_readable_dates(dated.iloc[:2]),
        mark="point",
        x=Field("date", "Date", "temporal", in_tooltip=False),
        y=Field("country", "Country", "nominal"),
        details=(Field("when", "When", "nominal"),),
        title="t",
        description="d",
    )
    values = chart.spec["data"]["values"]
    assert [v["date"] for v in values] == ["2019-03-01", "2020-04-02"]
    assert [v["when"] for v in values] == ["1 March 2019", "April 2020"]
    assert "date" not in [line["field"] for line in chart.spec["encoding"]["tooltip"]]


def test_a_source_missing_from_the_registry_is_refused():
    with pytest.raises(KeyError, match="no-such-source"):
        interactive.with_sources(rows().assign(source_id="no-such-source"))


def test_the_pick_list_offers_all_and_each_value_and_filters_on_it():
    document = spec(pick=Field("country", "Country", "nominal"))
    pick = next(param for param in document["params"] if param["name"] == "pick")
    assert pick["bind"]["options"] == ["all", "CHN", "KAZ"]
    assert document["transform"] == [{"filter": "pick == 'all' || datum['country'] == pick"}]


def test_zoom_only_on_a_continuous_x_axis():
    assert [p["name"] for p in spec()["params"]] == ["zoom"]
    nominal_x = spec(x=Field("country", "Country", "nominal"), y=Field("value", "Value"))
    assert nominal_x["params"] == []


def test_in_a_notebook_a_chart_has_a_width_in_pixels():
    """A notebook's output area is as wide as its content: a chart as wide as that would have no plot."""
    width = spec()["width"]
    assert isinstance(width, int) and width >= 400


def test_the_house_colours_are_kept_for_the_named_values():
    document = spec(colours={"KAZ": "#56B4E9", "CHN": "#D55E00"})
    assert document["encoding"]["color"]["scale"] == {
        "domain": ["KAZ", "CHN"],
        "range": ["#56B4E9", "#D55E00"],
    }


def test_a_chart_output_is_vega_lite_for_jupyterlab_and_prints_nothing_in_the_pdf():
    bundle = interactive.chart(rows(), **_minimal())._repr_mimebundle_()
    assert bundle[interactive.VEGA_LITE_MIME]["title"]["text"] == ["A title"]
    markdown = bundle["text/markdown"]
    assert markdown.startswith("<!--") and markdown.endswith("-->") and "-->" not in markdown[:-3]
    assert "text/html" not in bundle  # JupyterLab would prefer it to the chart


def _minimal():
    return dict(
        mark="point", x=Field("year", "Year"), y=Field("value", "Value"), title="A title", description="d"
    )


def test_a_table_of_15_rows_stays_as_pandas_shows_it_and_one_of_16_is_marked():
    frame = pd.DataFrame({"n": range(15)}, index=list("abcdefghijklmno"))
    assert interactive.searchable_html(frame) == frame._repr_html_()
    assert interactive.TABLE_MARKER in interactive.searchable_html(pd.DataFrame({"n": range(16)}))


@pytest.mark.parametrize("length", [3, 20])
def test_the_default_index_is_not_shown_and_a_named_one_is_a_column_with_a_header(length):
    numbered = interactive.searchable_html(pd.DataFrame({"n": range(length)}))
    assert "<th>0</th>" not in numbered and "<td>0</td>" in numbered
    named = pd.DataFrame({"n": range(length)}, index=pd.Index(range(2000, 2000 + length), name="year"))
    html = interactive.searchable_html(named)
    header = html.split("<tbody>")[0]
    assert header.count("<tr") == 1 and "<th>year</th>" in header and "<td>2000</td>" in html


def test_a_table_of_16_rows_or_more_is_marked_and_keeps_every_row():
    frame = pd.DataFrame({"n": range(100)}, index=pd.MultiIndex.from_product([["a", "b"], range(50)]))
    with pd.option_context("display.max_rows", 20, "display.min_rows", 10):
        html = interactive.searchable_html(frame)
    assert html.startswith(f'<div class="cnkz-table" {interactive.TABLE_MARKER}="100">')
    assert html.split("<tbody>")[1].count("<tr>") == 100  # every row; no "..." row
    assert html.count("<th>a</th>") == 50  # the outer index on every row, so that each row sorts alone


def test_after_the_call_long_dataframes_are_shown_searchable():
    shell = InteractiveShell.instance()
    interactive.searchable_tables(shell)
    try:
        formatted, _ = shell.display_formatter.format(pd.DataFrame({"n": range(20)}))
    finally:
        shell.display_formatter.formatters["text/html"].pop(pd.DataFrame)
    assert interactive.TABLE_MARKER in formatted["text/html"]


def test_a_long_title_is_cut_into_lines_that_fit_a_phone():
    title = "China's and Kazakhstan's totals: hover a dot for the figure and its source, year by year"
    lines = spec(title=title)["title"]["text"]
    assert len(lines) > 1 and all(len(line) <= interactive.TITLE_WIDTH for line in lines)
    assert " ".join(lines) == title == interactive.title_text(spec(title=title))


def test_rows_at_the_same_place_are_one_mark_that_names_every_source():
    same_place = pd.DataFrame(
        {
            "year": [2020, 2020, 2020, 2021],
            "value": [4.5, 4.5, 4.5, 4.5],
            "country": ["KAZ", "KAZ", "CHN", "KAZ"],
            "note": ["a", None, "c", "d"],
            "source_id": [SIPRI, VDEM, SIPRI, SIPRI],
        }
    )
    values = interactive.chart(
        same_place,
        **_minimal(),
        colour=Field("country", "Country", "nominal"),
        details=(Field("note", "Note", "nominal"),),
    ).spec["data"]["values"]
    assert [(v["year"], v["country"]) for v in values] == [(2020, "KAZ"), (2020, "CHN"), (2021, "KAZ")]
    first = values[0]
    assert first["note"] == "a"  # the second row's missing note is left out, not written as a dash
    assert first["source"].split(interactive.JOINED_BY) == [
        interactive.with_sources(same_place.iloc[[i]])["source"].iloc[0] for i in (0, 1)
    ]


def test_a_picked_field_keeps_its_rows_apart_so_the_filter_still_matches_whole_values():
    same_place = pd.DataFrame(
        {"year": [2020, 2020], "value": [1.0, 1.0], "basis": ["stated", "media"], "source_id": [SIPRI, VDEM]}
    )
    values = interactive.chart(
        same_place,
        **_minimal(),
        details=(Field("basis", "Basis", "nominal"),),
        pick=Field("basis", "Basis", "nominal"),
    ).spec["data"]["values"]
    assert [v["basis"] for v in values] == ["stated", "media"]


def test_the_title_states_the_finding_and_the_subtitle_what_to_do():
    title = spec(title="China outspends Kazakhstan", subtitle="Hover a point for its value and source")[
        "title"
    ]
    assert title["text"] == ["China outspends Kazakhstan"]
    assert title["subtitle"] == ["Hover a point for its value and source"]
    assert "subtitle" not in spec()["title"]


def test_a_shape_field_has_its_named_shapes_a_legend_and_a_tooltip_line():
    document = spec(
        shape=Field("note", "Note", "nominal"), shapes={"first": "circle", "third": "triangle-up"}, details=()
    )
    assert document["encoding"]["shape"]["scale"] == {
        "domain": ["first", "third"],
        "range": ["circle", "triangle-up"],
    }
    assert document["encoding"]["shape"]["legend"] == interactive.LEGEND
    assert "note" in [line["field"] for line in document["encoding"]["tooltip"]]


def test_the_axis_can_be_coarser_than_the_tooltip_and_a_log_axis_says_so():
    document = spec(y=Field("value", "Value", format=",.2f", axis_format=",.0f", scale={"type": "log"}))
    assert document["encoding"]["y"]["axis"]["format"] == ",.0f"
    assert document["encoding"]["y"]["title"] == "Value (log scale)"
    value_line = next(line for line in document["encoding"]["tooltip"] if line["field"] == "value")
    assert value_line["format"] == ",.2f" and value_line["title"] == "Value"


def test_no_mark_is_cut_at_the_edges_of_a_date_axis():
    dated = rows().assign(date=pd.to_datetime(["2019-03-01", "2020-04-02", "2021-05-03"]))
    document = interactive.chart(dated, **(_minimal() | {"x": Field("date", "Date", "temporal")})).spec
    assert document["encoding"]["x"]["scale"]["padding"] > 0


def test_with_no_index_shown_a_name_on_the_columns_does_not_add_an_empty_column():
    pivoted = pd.DataFrame({"year": [2020, 2021], "a": [1, 2], "b": [3, 4]}).set_index("year")
    pivoted.columns.name = "source_id"
    for frame in (pivoted, pivoted.reset_index()):
        html = interactive.searchable_html(frame)
        assert "<th></th>" not in html and "source_id" not in html
        assert re.findall(r"<th>(.*?)</th>", html) == ["year", "a", "b"]
