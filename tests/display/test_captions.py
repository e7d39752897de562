import pytest

from cnkz import load, source_note


def test_note_names_each_cited_publisher_once_with_years(valid_package):
    events = load("events", valid_package)
    assert source_note(events, valid_package) == "Sources: Wire A (2024); Paper B (2010)."


def test_note_covers_only_the_rows_given(valid_package):
    events = load("events", valid_package)
    drill = events[events["event_id"] == "drill"]
    assert source_note(drill, valid_package) == "Source: Wire A (2024)."


def test_source_without_date_has_no_year(valid_package):
    path = valid_package / "sources.csv"
    path.write_text(path.read_text().replace("2024-05-17,day", ","), encoding="utf-8")
    events = load("events", valid_package)
    assert source_note(events, valid_package) == "Sources: Wire A; Paper B (2010)."


def test_no_sources_is_an_error(valid_package):
    events = load("events", valid_package)
    with pytest.raises(ValueError, match="must cite"):
        source_note(events.iloc[0:0], valid_package)
    with pytest.raises(KeyError, match="source_id"):
        source_note(events.drop(columns="source_id"), valid_package)


def test_busiest_publisher_first_and_long_lists_are_cut(valid_package):
    events = load("events", valid_package)  # Wire A backs two rows, Paper B one
    assert source_note(events, valid_package, max_publishers=1) == (
        "Sources: Wire A (2024); and 1 more publisher in the sources registry."
    )
