"""The folder server the site checks and the bench share (cnkz_build.site_check)."""

import urllib.error
import urllib.request

import pytest

from cnkz_build.site_check import served


def test_a_served_folder_answers_on_localhost_and_stops_after(tmp_path):
    (tmp_path / "index.html").write_text("<p>book</p>", encoding="utf-8")
    with served(tmp_path) as url:
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(f"{url}/index.html", timeout=10) as response:
            assert response.read() == b"<p>book</p>"
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{url}/index.html", timeout=2)
