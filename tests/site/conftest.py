"""Serve the built book on localhost and open it in Debian's Chromium through Playwright."""

from pathlib import Path

import pytest

from cnkz_build.lite import LITE_OUTPUT
from cnkz_build.site_check import headless_chromium, served

HTML = Path(__file__).resolve().parents[2] / "_build" / "html"


def pages() -> list[str]:
    if not (HTML / "index.html").is_file():
        raise RuntimeError(f"no built site at {HTML}: run `make book` first")
    return sorted(
        str(path.relative_to(HTML))
        for path in HTML.rglob("*.html")
        if "_static" not in path.parts
        and path.relative_to(HTML).parts[0] != LITE_OUTPUT
        and path.name != "genindex.html"
    )


@pytest.fixture(scope="session")
def server():
    with served(HTML) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with headless_chromium() as browser:
        yield browser
