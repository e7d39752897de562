"""Each inline script of a page once: Sphinx 7 writes some twice.

An extension that adds an inline script (`app.add_js_file(None, body=...)`)
after the HTML builder is set up hands it to the builder under the file name
`None`; before writing, the builder adds the registry's copy again under the
file name `''`, and the two do not compare equal. sphinx-thebe adds its
`const THEBE_JS_URL = ...` this way, so every page threw "Identifier
'THEBE_JS_URL' has already been declared"; sphinx-togglebutton adds its
selector this way too. Sphinx fixed it upstream in 8.x (sphinx-doc/sphinx#13402:
`None` becomes `''` before it reaches the builder); Jupyter Book 1 needs
Sphinx 7, so the same fix is applied here when the builder starts.
"""

from __future__ import annotations


def inline_scripts_named_alike(app) -> None:
    """Make the HTML builder file every inline script under `''`, as its registry copy is filed."""
    add_js_file = getattr(app.builder, "add_js_file", None)
    if add_js_file is None:  # not an HTML builder
        return

    def add_js_file_once(filename, **kwargs):
        add_js_file(filename or "", **kwargs)

    app.builder.add_js_file = add_js_file_once


def setup(app):
    # priority 100: before the extensions that add inline scripts when the builder starts (500)
    app.connect("builder-inited", inline_scripts_named_alike, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
