"""Every page of the built book, as a reader's browser meets it.

For each page: no console errors, no failed requests, no request to any host
but the local server (the book must read offline), real alt text on every
image, and no serious or critical axe-core accessibility violation. Phone-
and desktop-width screenshots of each page go to _build/screenshots/.
"""

from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from cnkz_build.launch import read_repository
from conftest import HTML, pages

SCREENSHOTS = HTML.parent / "screenshots"
# WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. Some WCAG 2.1 rules (label in name,
# 2.5.3) are still tagged "experimental" in axe-core and run only when that tag is asked for too.
# preload off: axe would re-fetch the theme's @import relative to the page, not the stylesheet (a false 404).
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "preload": False,
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice", "experimental"],
    },
}
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module")
def visits(server, browser):
    """Open every page once and record what happened."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    results = {}
    axe = Axe()
    for page_path in pages():
        results[page_path] = _visit(browser, server, page_path, axe)
    return results


def _visit(browser, server, page_path, axe):
    record = {"console": [], "failed": [], "foreign": [], "images": [], "axe": [], "links": []}
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    local = urlparse(server).netloc
    page.on("console", lambda message: message.type == "error" and record["console"].append(message.text))
    page.on("pageerror", lambda error: record["console"].append(f"uncaught: {error}"))  # not a console event
    page.on("requestfailed", lambda request: record["failed"].append(request.url))
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and record["failed"].append(f"{response.status} {response.url}")
        ),
    )
    page.on(
        "request",
        lambda request: (
            urlparse(request.url).netloc not in ("", local)
            and urlparse(request.url).scheme in ("http", "https")
            and record["foreign"].append(request.url)
        ),
    )
    page.goto(f"{server}/{page_path}", wait_until="networkidle")
    record["images"] = page.eval_on_selector_all(
        "img",
        """images => images.map(img =>
        [img.getAttribute('src'), img.getAttribute('alt'), img.closest('article') !== null])""",
    )
    record["links"] = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    record["axe"] = [
        (v["id"], v["impact"], len(v["nodes"])) for v in violations if v["impact"] in ("serious", "critical")
    ]
    name = page_path.replace("/", "_").removesuffix(".html")
    page.screenshot(path=str(SCREENSHOTS / f"{name}-desktop.png"), full_page=False)
    context.close()
    phone = browser.new_context(viewport=VIEWPORTS["phone"], is_mobile=True, device_scale_factor=2)
    phone_page = phone.new_page()
    phone_page.goto(f"{server}/{page_path}", wait_until="networkidle")
    phone_page.screenshot(path=str(SCREENSHOTS / f"{name}-phone.png"), full_page=False)
    phone.close()
    return record


NOTEBOOK_PAGES = [
    "data",
    "history",
    "security",
    "energy",
    "trade",
    "osce",
    "society",
    "claims",
    "glossary",
    "references",
]


def test_the_site_has_every_chapter(visits):
    for chapter in NOTEBOOK_PAGES:
        assert f"book/{chapter}.html" in visits


@pytest.mark.parametrize("chapter", NOTEBOOK_PAGES)
def test_each_notebook_page_offers_its_notebook_for_download(visits, chapter):
    link = f"../_sources/book/{chapter}.ipynb"
    assert link in visits[f"book/{chapter}.html"]["links"]
    assert '"cell_type": "code"' in (HTML / "_sources" / "book" / f"{chapter}.ipynb").read_text(
        encoding="utf-8"
    )


def test_launch_buttons_appear_exactly_when_a_repository_is_configured(visits):
    url, branch = read_repository((HTML.parents[1] / "_config.yml").read_text(encoding="utf-8"))
    for chapter in NOTEBOOK_PAGES:
        links = visits[f"book/{chapter}.html"]["links"]
        launch = [
            link for link in links if link.startswith(("https://mybinder.org", "https://colab.research"))
        ]
        if url:
            repository = url.removeprefix("https://github.com/")
            assert (
                f"https://mybinder.org/v2/gh/{repository}/{branch}?urlpath=lab/tree/book/{chapter}.ipynb"
                in launch
            )
            assert (
                f"https://colab.research.google.com/github/{repository}/blob/{branch}/book/{chapter}.ipynb"
                in launch
            )
        else:
            assert launch == [], f"{chapter}: launch links without a configured repository"


def test_no_console_errors(visits):
    assert {page: r["console"] for page, r in visits.items() if r["console"]} == {}


def test_no_failed_requests(visits):
    assert {page: r["failed"] for page, r in visits.items() if r["failed"]} == {}


def test_no_request_leaves_the_local_server(visits):
    assert {page: r["foreign"] for page, r in visits.items() if r["foreign"]} == {}


def test_every_image_has_real_alt_text(visits):
    """No image without alt text or named by its file; a figure in the text is described in a sentence,
    while the theme's button icons (e.g. 'Binder logo') only need to say what they are."""
    bad = {}
    for page, record in visits.items():
        for src, alt, in_text in record["images"]:
            words = len((alt or "").split())
            if words == 0 or Path(src or "").name in alt or (in_text and words < 3):
                bad.setdefault(page, []).append((src, alt))
    assert bad == {}


def test_no_serious_or_critical_accessibility_violations(visits):
    assert {page: r["axe"] for page, r in visits.items() if r["axe"]} == {}


def test_every_page_renders_something_at_phone_and_desktop_width(visits):
    """Each screenshot has the viewport's size and is not one flat colour (a blank or unstyled page is)."""
    from matplotlib.image import imread

    for page_path in visits:
        name = page_path.replace("/", "_").removesuffix(".html")
        for viewport, scale in (("phone", 2), ("desktop", 1)):
            pixels = imread(SCREENSHOTS / f"{name}-{viewport}.png")
            size = VIEWPORTS[viewport]
            assert pixels.shape[:2] == (size["height"] * scale, size["width"] * scale), (page_path, viewport)
            share_of_commonest = _commonest_colour_share(pixels)
            assert share_of_commonest < 0.99, f"{page_path} ({viewport}) is almost one colour"


def _commonest_colour_share(pixels) -> float:
    import numpy as np

    flat = (pixels[..., :3] * 255).astype("uint8").reshape(-1, 3)
    _, counts = np.unique(flat, axis=0, return_counts=True)
    return counts.max() / len(flat)
