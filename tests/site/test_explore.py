"""Exploring the theme chapters without code, offline, in Chromium (cnkz_build.explore).

Each theme chapter is opened with every request off the local server blocked.
There, a long table's search box keeps only the rows that match and its
column buttons sort it; an interactive chart draws, and hovering one of its
marks shows a tooltip with a value and its source. Then, with the chart's
data table open, axe (WCAG 2.1 A/AA) must find no serious or critical
violation; no console error may occur on the way.
"""

import re
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_site import AXE_OPTIONS, VIEWPORTS

from cnkz.display.figures import THEMES as THEME_CHAPTERS

MARKS = "figure.cnkz-chart svg .mark-symbol path, figure.cnkz-chart svg .mark-rect path"


@pytest.fixture(scope="module")
def explored(server, browser):
    """explored(chapter): what happened there; each chapter is visited once, when a test first asks."""
    axe, visited = Axe(), {}

    def visit(chapter):
        if chapter not in visited:
            visited[chapter] = _explore(browser, server, chapter, axe)
        return visited[chapter]

    return visit


def _explore(browser, server, chapter, axe):
    record = {"console": [], "blocked": []}
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    local = urlparse(server).netloc
    context.route(
        lambda url: urlparse(url).netloc != local,
        lambda route: (record["blocked"].append(route.request.url), route.abort()),
    )
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and record["console"].append(message.text))
    page.on("pageerror", lambda error: record["console"].append(f"uncaught: {error}"))
    page.goto(f"{server}/book/{chapter}.html", wait_until="networkidle")
    record["search"] = _search(page)
    record["sort"] = _sort(page)
    record["tooltip"] = _hover_a_mark(page)
    page.mouse.move(0, 0)
    page.locator("details.cnkz-chart-data summary").first.click()
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    record["axe"] = [(v["id"], len(v["nodes"])) for v in violations if v["impact"] in ("serious", "critical")]
    context.close()
    return record


def _visible_rows(holder):
    return holder.locator("tbody tr:not([hidden])")


def _search(page):
    """Search the first long table for the text of its last row (on its last page): what is left?"""
    holder = page.locator("[data-cnkz-table]:visible").first
    last_row = holder.locator("tbody tr").last
    term = last_row.locator("td").last.inner_text().strip()
    hidden_before = last_row.is_hidden()
    _search_box(holder).fill(term)
    rows = [row.inner_text() for row in _visible_rows(holder).all()]
    return {
        "term": term,
        "hidden_before": hidden_before,
        "rows": rows,
        "total": int(holder.get_attribute("data-cnkz-table")),
    }


def _search_box(holder):
    """The search box the site's script put before this table, found by its visible label."""
    tools = holder.locator("xpath=preceding-sibling::div[@class='cnkz-table-tools'][1]")
    return tools.get_by_label("Search this table")


def _sort(page):
    """Clear the search, sort the first table by its first sortable column: the cells of that column, in order."""
    holder = page.locator("[data-cnkz-table]:visible").first
    _search_box(holder).fill("")
    header = holder.locator("th:has(button.cnkz-sort)").first
    column = header.evaluate("th => th.cellIndex")
    header.locator("button").click()
    cells = holder.locator(f"tbody tr:not([hidden]) > :nth-child({column + 1})").all_inner_texts()
    return {"aria_sort": header.get_attribute("aria-sort"), "cells": cells}


def _hover_a_mark(page):
    figure = page.locator("figure.cnkz-chart").first
    figure.scroll_into_view_if_needed()
    marks = page.locator(MARKS)
    marks.first.wait_for(state="attached")
    marks.nth(marks.count() // 2).hover(force=True)
    tooltip = page.locator("#vg-tooltip-element.visible")
    tooltip.wait_for(state="visible", timeout=5000)
    return tooltip.inner_text()


@pytest.mark.parametrize("chapter", THEME_CHAPTERS)
def test_a_table_search_keeps_only_the_matching_rows(explored, chapter):
    search = explored(chapter)["search"]
    assert search["total"] >= 16 and search["term"]
    assert search["hidden_before"], "the last row should start on a later page"
    assert 1 <= len(search["rows"]) < search["total"]
    assert all(search["term"].lower() in row.lower() for row in search["rows"])


@pytest.mark.parametrize("chapter", THEME_CHAPTERS)
def test_a_column_button_sorts_the_table(explored, chapter):
    sort = explored(chapter)["sort"]
    assert sort["aria_sort"] == "ascending"
    assert len(sort["cells"]) == 10
    numbers = [_number(cell) for cell in sort["cells"]]
    if None not in numbers:
        assert numbers == sorted(numbers)
    else:  # text, compared as readers do: without case, numbers within it by value
        assert sort["cells"] == sorted(sort["cells"], key=_natural)


def _number(text):
    try:
        return float(text.replace(",", "").replace("%", ""))
    except ValueError:
        return None


def _natural(text):
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold()) for part in re.split(r"(\d+)", text)
    ]


@pytest.mark.parametrize("chapter", THEME_CHAPTERS)
def test_a_chart_tooltip_shows_a_value_and_its_source(explored, chapter):
    tooltip = explored(chapter)["tooltip"]
    assert "Source" in tooltip
    assert any(character.isdigit() for character in tooltip)


@pytest.mark.parametrize("chapter", THEME_CHAPTERS)
def test_exploring_makes_no_error_no_outside_request_and_no_serious_accessibility_problem(explored, chapter):
    record = explored(chapter)
    assert record["console"] == []
    assert record["blocked"] == []
    assert record["axe"] == []
