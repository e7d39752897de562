"""cnkz.load gives typed frames and refuses invalid tables, losing no row."""

import pandas as pd
import pytest

from cnkz import DataError, load


def test_types_follow_the_schema(valid_package):
    events = load("events", valid_package)
    assert pd.api.types.is_datetime64_any_dtype(events["date"])
    assert events["title"].dtype == "string"
    exercises = load("exercises", valid_package)
    assert exercises["troops_total"].dtype == "Int64"
    assert exercises["year"].dtype == "Int64"
    assert exercises["share_kaz"].dtype == "Float64"
    assert exercises["hosted"].dtype == "boolean"


def test_every_row_and_value_is_kept(valid_package):
    events = load("events", valid_package)
    assert len(events) == 3
    assert events.loc[0, "title"] == "Ties established, with a comma"
    assert events.loc[0, "date"] == pd.Timestamp("1992-01-03")


def test_empty_optional_cells_are_missing_not_invented(valid_package):
    exercises = load("exercises", valid_package)
    second = exercises.iloc[1]
    assert second["troops_total"] is pd.NA and second["share_kaz"] is pd.NA and second["hosted"] is pd.NA
    assert exercises.iloc[0]["troops_total"] == 1000
    events = load("events", valid_package)
    assert events["place"].isna().tolist() == [False, True, False]


def test_invalid_table_raises_with_every_problem(make_package, tmp_path):
    data = make_package("negative_value")
    with pytest.raises(DataError) as caught:
        load("exercises", data)
    assert "exercises.csv:2: troops_total: '-5' is below minimum 0" in str(caught.value)
    assert len(caught.value.problems) == 1


def test_a_problem_in_a_referenced_table_blocks_the_load(make_package, tmp_path):
    data = make_package()
    (data / "sources.csv").write_text(
        "id,publisher,published,published_precision\nwire-a,Wire A,,\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match="'paper-b' is not in"):
        load("events", data)


def test_unknown_table_name_is_an_error(valid_package):
    with pytest.raises(KeyError, match="no table named"):
        load("treaties", valid_package)


def test_date_disagreements_lists_each_source_of_a_disputed_event(valid_package):
    from cnkz.analysis.agreement import date_disagreements

    events = load("events", valid_package)
    assert date_disagreements(events).empty  # "January 1992" contains "3 January 1992"
    events.loc[events["source_id"] == "paper-b", "date"] = pd.Timestamp("1992-02-01")
    disputed = date_disagreements(events)
    assert list(disputed["source_id"]) == ["wire-a", "paper-b"]
    assert set(disputed["event_id"]) == {"ties"}
    assert list(disputed["spread_days"]) == [29, 29]


def test_a_coarser_date_that_contains_a_finer_one_is_no_disagreement():
    from cnkz.analysis.agreement import date_disagreements

    events = pd.DataFrame(
        {
            "event_id": ["visit", "visit", "talks", "talks", "deal", "deal"],
            "title": ["Visit"] * 2 + ["Talks"] * 2 + ["Deal"] * 2,
            "date": pd.to_datetime(
                ["2014-01-01", "2014-12-01", "1998-07-01", "1998-08-01", "2009-01-01", "2009-04-17"]
            ),
            "date_precision": ["year", "month", "month", "month", "year", "day"],
            "source_id": ["a", "b", "c", "d", "e", "f"],
        }
    )
    disputed = date_disagreements(events)
    assert set(disputed["event_id"]) == {"talks"}  # 2014 contains December 2014; 2009 contains 17 April 2009
    assert list(disputed["spread_days"]) == [31, 31]


def test_per_year_counts_an_event_once_and_keeps_empty_years(valid_package):
    from cnkz.analysis.chronology import per_year

    table = per_year(load("events", valid_package))
    assert table.loc[1992, "history"] == 1  # two sources, one event
    assert table.loc[2010, "security"] == 1
    assert table.loc[2000].sum() == 0 and len(table) == 19


def test_codebook_lists_every_field_with_its_rules(valid_package):
    from cnkz.datapackage import codebook

    fields = codebook.field_summary(valid_package)
    assert len(fields) == 17
    theme = fields[(fields["table"] == "events") & (fields["field"] == "theme")].iloc[0]
    assert theme["rules"] == "required; one of: history, security"
    assert codebook.describe_constraints({"constraints": {"enum": [2021, 2026]}}) == "one of: 2021, 2026"


def test_a_table_the_build_does_not_expect_is_refused(valid_package, monkeypatch):
    from cnkz.datapackage.loading import EXPECTED_TABLES, UnexpectedTableError

    monkeypatch.setenv(EXPECTED_TABLES, "events,sources")
    assert len(load("events", valid_package)) > 0
    with pytest.raises(UnexpectedTableError, match="cnkz.load\\('exercises'\\)"):
        load("exercises", valid_package)
