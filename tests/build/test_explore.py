"""The website's side of the interactive charts and searchable tables (cnkz_build.explore)."""

import json
import re
from types import SimpleNamespace

from cnkz.display.interactive import TABLE_MARKER, VEGA_LITE_MIME
from cnkz_build import explore, web_assets

SPEC = {
    "title": {"text": ["Trade </script>", "& more"]},
    "description": "Two years of trade.",
    "data": {"values": [{"year": 2020, "value": 1234.5, "source": "A <b>"}, {"year": 2021, "source": "B"}]},
    "encoding": {
        "tooltip": [
            {"field": "year", "title": "Year"},
            {"field": "value", "title": "Value"},
            {"field": "source", "title": "Source"},
        ]
    },
}


def test_the_spec_travels_intact_in_its_script_and_cannot_close_it():
    html = explore.chart_html({**SPEC, "width": 640})
    script = re.search(r'<script type="application/json" class="cnkz-chart-spec">(.*?)</script>', html, re.S)
    # the notebook's width in pixels gives way to the page column's
    assert json.loads(script.group(1)) == {**SPEC, "width": "container"}


def test_the_chart_has_an_accessible_name_and_its_data_as_a_searchable_table():
    html = explore.chart_html(SPEC)
    assert 'aria-label="Interactive chart: Trade &lt;/script&gt; &amp; more. Two years of trade."' in html
    table = html[html.index("<details") :]
    assert f'{TABLE_MARKER}="2"' in table
    assert re.findall(r'<th scope="col">(.*?)</th>', table) == ["Year", "Value", "Source"]
    rows = [
        re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1])
    ]
    assert rows == [["2020", "1,234.5", "A &lt;b&gt;"], ["2021", "—", "B"]]


def test_the_renderer_takes_only_block_vega_lite_outputs():
    data = SimpleNamespace(mime_type=VEGA_LITE_MIME, content=SPEC)
    [node] = explore.VegaLiteOutput.handle_mime(None, data, inline=False)
    assert node.astext() == explore.chart_html(SPEC)
    assert explore.VegaLiteOutput.handle_mime(None, data, inline=True) is None
    assert explore.VegaLiteOutput.handle_mime(None, SimpleNamespace(mime_type="text/html"), False) is None


class FakeApp:
    def __init__(self, outdir=None, builder_format="html"):
        self.scripts, self.styles = [], []
        self.outdir = outdir
        self.builder = SimpleNamespace(format=builder_format)

    def add_js_file(self, name, **options):
        self.scripts.append(name)

    def add_css_file(self, name, **options):
        self.styles.append(name)


def _scripts_for(body):
    app = FakeApp()
    explore._on_html_page_context(app, "page", "page.html", {"body": body}, None)
    return app.scripts, app.styles


def test_a_page_loads_the_scripts_it_needs_and_no_more():
    assert _scripts_for("<p>text only</p>") == ([], [])
    assert _scripts_for(f"<div {TABLE_MARKER}='20'></div>") == (["cnkz-explore.js"], ["cnkz-explore.css"])
    scripts, _ = _scripts_for(explore.chart_html(SPEC))
    assert scripts == [
        "vega/vega.min.js",
        "vega/vega-lite.min.js",
        "vega/vega-embed.min.js",
        "cnkz-explore.js",
    ]


def test_the_vega_bundles_are_copied_once_into_static_for_html_only(tmp_path):
    explore._copy_vega(FakeApp(tmp_path / "latex", builder_format="latex"), None)
    assert not (tmp_path / "latex").exists()
    explore._copy_vega(FakeApp(tmp_path / "html"), None)
    copied = tmp_path / "html" / "_static" / "vega"
    assert sorted(path.name for path in copied.iterdir()) == [
        "vega-embed.min.js",
        "vega-lite.min.js",
        "vega.min.js",
    ]
    assert (copied / "vega.min.js").read_bytes() == (
        web_assets.package_dir("vega") / "build/vega.min.js"
    ).read_bytes()


def test_the_data_table_writes_numbers_as_the_tooltip_does():
    spec = SPEC | {
        "data": {"values": [{"year": 2020.0, "value": 27972.07, "source": "A"}]},
        "encoding": {
            "tooltip": [
                {"field": "year", "title": "Year", "format": "d"},
                {"field": "value", "title": "Million US$", "format": ",.0f"},
                {"field": "source", "title": "Source"},
            ]
        },
    }
    table = explore.data_table(spec)
    assert re.findall(r"<td>(.*?)</td>", table) == ["2020", "27,972", "A"]


def test_a_trimmed_d3_format_drops_trailing_zeros_as_the_tooltip_does():
    spec = SPEC | {
        "data": {"values": [{"share": 4.7, "source": "A"}, {"share": 74.0, "source": "B"}]},
        "encoding": {
            "tooltip": [
                {"field": "share", "title": "Share (%)", "format": ".1~f"},
                {"field": "source", "title": "S"},
            ]
        },
    }
    assert re.findall(r"<td>(.*?)</td>", explore.data_table(spec)) == ["4.7", "A", "74", "B"]
