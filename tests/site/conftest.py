"""Serve the built book on localhost and open it in Debian's Chromium through Playwright."""

import functools
import http.server
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

HTML = Path(__file__).resolve().parents[2] / "_build" / "html"
CHROMIUM = "/usr/bin/chromium"
# Without these flags Chromium phones home at start-up; the book must not need any network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pages() -> list[str]:
    if not (HTML / "index.html").is_file():
        raise RuntimeError(f"no built site at {HTML}: run `make book` first")
    return sorted(
        str(path.relative_to(HTML))
        for path in HTML.rglob("*.html")
        if "_static" not in path.parts
        and path.relative_to(HTML).parts[0] != "lite"
        and path.name != "genindex.html"
    )


@pytest.fixture(scope="session")
def server():
    handler = functools.partial(_QuietHandler, directory=str(HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
