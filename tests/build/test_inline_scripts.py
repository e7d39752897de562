"""Each inline script once per page: a tiny Sphinx project with the two extensions that add one late."""

import re

from sphinx.application import Sphinx


def test_thebe_and_togglebutton_inline_scripts_are_each_written_once(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    (source / "conf.py").write_text(
        'extensions = ["sphinx_thebe", "sphinx_togglebutton", "cnkz_build.inline_scripts"]\n'
    )
    (source / "index.rst").write_text("Title\n=====\n\nText.\n")
    app = Sphinx(source, source, tmp_path / "html", tmp_path / "doctrees", "html", status=None, warning=None)
    app.build()
    page = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    inline = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert sum("const THEBE_JS_URL" in script for script in inline) == 1
    assert sum("togglebuttonSelector" in script for script in inline) == 1
