"""Each script appears once on a page (a repeated inline `const` is a SyntaxError in the browser)."""

from sphinx.builders.html._assets import _JavaScript

from cnkz_build.sphinxext import _without_repeated_scripts


def test_a_repeated_inline_script_is_kept_once_and_the_order_stays():
    config = _JavaScript("", body='const THEBE_JS_URL = "x"')
    context = {
        "script_files": [
            _JavaScript("a.js"),
            config,
            _JavaScript("", body='const THEBE_JS_URL = "x"'),
            _JavaScript("b.js", **{"async": "async"}),
            _JavaScript("b.js"),
        ]
    }
    _without_repeated_scripts(None, "page", "page.html", context, None)
    assert [(script.filename, script.attributes) for script in context["script_files"]] == [
        ("a.js", {}),
        ("", {"body": 'const THEBE_JS_URL = "x"'}),
        ("b.js", {"async": "async"}),
        ("b.js", {}),
    ]
