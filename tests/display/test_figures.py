import matplotlib
import matplotlib.colors
import matplotlib.dates
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from cnkz.display import figures


def test_countries_keep_their_colours_and_unknowns_are_grey():
    assert figures.country_colour("CHN") != figures.country_colour("KAZ")
    assert figures.country_colour("XYZ") == figures.COUNTRY_COLOURS["other"]


def test_house_style_sets_the_svg_salt_for_reproducible_output():
    figures.use_house_style()
    assert matplotlib.rcParams["svg.hashsalt"] == "cnkz"
    assert matplotlib.rcParams["axes.spines.top"] is False


def test_timeline_draws_exact_dates_filled_and_vague_ones_hollow():
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["1992-01-03", "1998-07-01", "2010-01-01"]),
            "date_precision": ["day", "month", "day"],
            "theme": ["history", "history", "osce"],
        }
    )
    fig, ax = plt.subplots()
    figures.timeline_chart(events, ax)
    white = (1.0, 1.0, 1.0, 1.0)
    points = []  # (x, face colour, edge colour) of every dot drawn
    for collection in ax.collections:
        faces, edges = collection.get_facecolors(), collection.get_edgecolors()
        for i, (x, _) in enumerate(collection.get_offsets()):
            face = tuple(faces[i % len(faces)])
            edge = tuple(edges[i % len(edges)]) if len(edges) else face
            points.append((int(x), face, edge))
    by_day = {x: (face, edge) for x, face, edge in points}
    history = matplotlib.colors.to_rgba(figures.THEME_COLOURS["history"])
    exact, vague = (matplotlib.dates.date2num(pd.Timestamp(d)) for d in ("1992-01-03", "1998-07-01"))
    assert len(points) == 3
    assert by_day[int(exact)][0] == history  # filled in the theme's colour
    assert by_day[int(vague)] == (white, history)  # hollow: white inside, the theme's colour around
    assert [tick.get_text() for tick in ax.get_yticklabels()] == [
        "History",
        "Security",
        "Energy",
        "Trade",
        "OSCE",
        "Society",
    ]
    plt.close(fig)


def test_timeline_refuses_a_theme_without_a_lane():
    events = pd.DataFrame(
        {"date": pd.to_datetime(["2000-01-01"]), "date_precision": ["day"], "theme": ["sport"]}
    )
    with pytest.raises(ValueError, match="sport"):
        figures.timeline_chart(events)


def test_caption_ends_with_the_source_note(valid_package):
    from cnkz import load

    events = load("events", valid_package)
    caption = figures.caption("Two events.", events, valid_package)
    assert caption.data == "**Figure.** Two events. Sources: Wire A (2024); Paper B (2010)."
