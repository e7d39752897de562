"""The history chapter's logic on small frames whose answers are worked out by hand."""

import pandas as pd

from cnkz.analysis import history, verdicts
from cnkz.analysis.agreement import agreed_dates, date_disagreements, source_spread
from cnkz.analysis.chronology import years_since_previous


def frame(rows, columns):
    df = pd.DataFrame(rows, columns=columns)
    for column in df.columns:
        if "date" in column and column != "date_precision":
            df[column] = pd.to_datetime(df[column])
    return df


def test_agreed_date_prefers_majority_then_precision_then_earliest():
    rows = frame(
        [
            ("a", "2001-06-01", "month", "s1"),
            ("a", "2001-06-15", "day", "s2"),
            ("a", "2001-06-15", "day", "s3"),
            ("a", "2001-06-14", "day", "s4"),
            ("b", "2002-06-07", "day", "s1"),
            ("b", "2002-07-07", "day", "s2"),
        ],
        ["key", "date", "date_precision", "source_id"],
    )
    agreed = agreed_dates(rows, "key").set_index("key")
    assert agreed.loc["a", "date"] == pd.Timestamp("2001-06-15")  # two day-precise sources beat one
    assert agreed.loc["b", "date"] == pd.Timestamp("2002-06-07")  # a tie goes to the earlier date
    assert agreed.loc["a", "n_sources"] == 4 and agreed.loc["a", "n_dates"] == 3
    latest = agreed_dates(rows, "key", tie_break="latest").set_index("key")
    assert latest.loc["b", "date"] == pd.Timestamp("2002-07-07")
    assert latest.loc["a", "date"] == pd.Timestamp("2001-06-15")  # the majority still wins


def test_agreed_date_lets_agreeing_sources_outvote_a_precise_outlier():
    rows = frame(
        [
            # one day-precise source says 3 June; one says 3 July, and two give only "July 1998"
            ("summit", "1998-06-03", "day", "outlier"),
            ("summit", "1998-07-03", "day", "s1"),
            ("summit", "1998-07-01", "month", "s2"),
            ("summit", "1998-07-01", "month", "s3"),
            # two sources give only the year 2005, one gives a day in another year
            ("level", "2005-01-01", "year", "s1"),
            ("level", "2005-01-01", "year", "s2"),
            ("level", "2004-03-09", "day", "s3"),
            # a day-precise date does not vote for a coarser one: the day wins on precision
            ("visit", "2013-09-01", "month", "s1"),
            ("visit", "2013-09-07", "day", "s2"),
            # nothing dated
            ("undated", None, None, "s1"),
        ],
        ["key", "date", "date_precision", "source_id"],
    )
    agreed = agreed_dates(rows, "key").set_index("key")
    assert agreed.loc["summit", "date"] == pd.Timestamp("1998-07-03")  # 3 votes against 1
    assert agreed.loc["summit", "date_precision"] == "day"
    assert agreed.loc["summit", "n_agreeing"] == 3
    assert agreed.loc["level", "date"] == pd.Timestamp("2005-01-01")  # two coarse sources beat one day
    assert agreed.loc["level", "date_precision"] == "year"
    assert agreed.loc["visit", "date"] == pd.Timestamp("2013-09-07")
    assert agreed.loc["visit", "n_agreeing"] == 2
    assert pd.isna(agreed.loc["undated", "date"]) and agreed.loc["undated", "n_sources"] == 1
    # with only the two day-precise sources it is a tie, which goes to the earliest date
    assert agreed_dates(rows[rows["source_id"].isin(["outlier", "s1"])], "key").set_index("key").loc[
        "summit", "date"
    ] == pd.Timestamp("1998-06-03")


def test_date_disagreements_ignore_a_coarser_date_that_contains_a_finer_one():
    events = frame(
        [
            # "1998" and "July 1998" contain "3 July 1998": the sources agree
            ("summit", "1998-07-03", "day", "s1"),
            ("summit", "1998-07-01", "month", "s2"),
            ("summit", "1998-01-01", "year", "s3"),
            # "3 June" is outside "July 1998": a disagreement, listed with every source
            ("meeting", "1998-06-03", "day", "s1"),
            ("meeting", "1998-07-01", "month", "s2"),
            # two years that do not overlap
            ("opening", "2011-01-01", "year", "s1"),
            ("opening", "2012-04-18", "day", "s2"),
        ],
        ["event_id", "date", "date_precision", "source_id"],
    ).assign(title="t")
    disputed = date_disagreements(events)
    assert set(disputed["event_id"]) == {"meeting", "opening"}
    assert len(disputed) == 4
    assert disputed.iloc[0]["event_id"] == "opening"  # the widest gap first
    assert (
        disputed.set_index("source_id").loc["s1"].query("event_id == 'meeting'")["spread_days"].item() == 28
    )


def test_ladder_measures_time_between_upgrades_and_keeps_every_name():
    levels = frame(
        [
            ("2005-07-04", "day", 1, "strategic partnership", "s1"),
            ("2011-06-13", "day", 2, "comprehensive strategic partnership", "s1"),
            ("2011-06-13", "day", 2, "All-round strategic partnership", "s2"),
        ],
        ["date", "date_precision", "level", "name", "source_id"],
    )
    ladder = history.partnership_ladder(levels)
    assert ladder["years_since_previous"].tolist()[1] == round(2170 / 365.25, 1)
    assert (
        ladder.loc[1, "names_used"] == "all-round strategic partnership; comprehensive strategic partnership"
    )
    assert pd.isna(ladder.loc[0, "years_since_previous"])


def test_visits_per_year_counts_a_visit_once_and_fills_empty_years():
    visits = frame(
        [
            ("2013-09-xi", "2013-09-07", "day", "president", "CHN", "KAZ", "state", "s1"),
            ("2013-09-xi", "2013-09-06", "day", "president", "CHN", "KAZ", "state", "s2"),
            ("2015-08-nazarbayev", "2015-08-31", "day", "president", "KAZ", "CHN", "state", "s3"),
            ("2015-12-massimov", "2015-12-12", "day", "premier", "KAZ", "CHN", "official", "s3"),
        ],
        [
            "visit_id",
            "start_date",
            "date_precision",
            "role",
            "from_country",
            "to_country",
            "kind",
            "source_id",
        ],
    )
    table = history.visits_per_year(visits)
    assert table.loc[2013].tolist() == [1, 0]
    assert table.loc[2014].tolist() == [0, 0]
    assert table.loc[2015].tolist() == [0, 1]  # the premier is left out by default
    assert history.visits_per_year(visits, roles=("president", "premier")).loc[2015].tolist() == [0, 2]


def test_border_settlement_puts_each_step_of_a_text_on_one_row():
    texts = frame(
        [
            ("1997-supp", "signed", "1997-09-24", "day", "Supplementary", "Almaty", "s1"),
            ("1997-supp", "ratified_kaz", "1999-03-24", "day", "Supplementary", None, "s1"),
            ("1997-supp", "in_force", "1999-04-07", "day", "Supplementary", None, "s2"),
            ("1994-main", "signed", "1994-04-26", "day", "Main", None, "s3"),
        ],
        ["text_id", "step", "date", "date_precision", "title", "place", "source_id"],
    )
    table = history.border_settlement(texts).set_index("text_id")
    assert list(table.index) == ["1994-main", "1997-supp"]
    assert table.loc["1997-supp", "days_to_force"] == 560
    assert table.loc["1997-supp", "place"] == "Almaty"
    assert pd.isna(table.loc["1994-main", "in_force"])


def test_date_claims():
    assert verdicts.date_claim("1994-04", pd.Timestamp("1994-04-26")) == verdicts.HOLDS
    assert verdicts.date_claim("1996", pd.Timestamp("2001-06-15")) == verdicts.WRONG
    assert verdicts.date_claim("1993-05", pd.Timestamp("1993-01-01"), "year") == verdicts.UNCHECKABLE
    assert verdicts.date_claim("1993", pd.Timestamp("1993-01-01"), "year") == verdicts.HOLDS
    assert verdicts.date_claim("1993", None) == verdicts.UNCHECKABLE


def test_number_claims():
    assert verdicts.number_claim(1700, pd.Series([1700.0, 1700.0])) == verdicts.HOLDS
    assert verdicts.number_claim(1700, pd.Series([1700.0, 1782.75, 1520.0])) == verdicts.IMPRECISE
    assert verdicts.number_claim(2500, pd.Series([1700.0, 1782.75])) == verdicts.WRONG
    assert verdicts.number_claim(1700, pd.Series([], dtype=float)) == verdicts.UNCHECKABLE


def test_years_since_previous_counts_from_the_row_before():
    dates = pd.Series(pd.to_datetime(["1994-04-26", "1997-09-24", "1999-11-25"]))
    assert years_since_previous(dates).tolist()[1:] == [3.4, 2.2]
    assert pd.isna(years_since_previous(dates).iloc[0])


def test_source_spread_names_its_columns_and_skips_rows_without_a_figure():
    rows = pd.DataFrame(
        {"segment": ["a", "a", "a"], "km": [100.0, None, 150.0], "source_id": ["s1", "s2", "s3"]}
    )
    row = source_spread(rows, "segment", "km", low="shortest", high="longest").iloc[0]
    assert (row["sources"], row["shortest"], row["longest"], row["longest_over_shortest"]) == (
        2,
        100.0,
        150.0,
        1.5,
    )


def test_visits_by_leader_counts_a_visit_once_and_lists_its_years():
    visits = pd.DataFrame(
        {
            "visit_id": ["v1", "v1", "v2"],
            "start_date": pd.to_datetime(["2013-09-06", "2013-09-07", "2015-08-31"]),
            "date_precision": ["day", "day", "day"],
            "visitor": ["Xi Jinping"] * 3,
            "role": ["president"] * 3,
            "kind": ["state visit", "state visit", "official visit"],
            "from_country": ["CHN"] * 3,
            "to_country": ["KAZ"] * 3,
            "source_id": ["a", "b", "c"],
        }
    )
    row = history.visits_by_leader(visits).set_index("visitor").loc["Xi Jinping"]
    assert row["visits"] == 2
    assert (row["first"], row["last"]) == (pd.Timestamp("2013-09-06"), pd.Timestamp("2015-08-31"))


def test_multilateral_frames_date_each_frame_by_its_earliest_event():
    events = pd.DataFrame(
        {
            "event_id": ["sco-founded", "sco-summit", "sco-summit", "bilateral"],
            "date": pd.to_datetime(["2001-06-15", "2005-07-05", "2005-07-06", "1999-01-01"]),
            "date_precision": ["day"] * 4,
            "frame": ["sco", "sco", "sco", pd.NA],
            "title": ["SCO founded", "Astana summit", "Astana summit", "Other"],
            "source_id": ["a", "b", "c", "d"],
        }
    )
    frames = history.multilateral_frames(events).set_index("frame")
    assert list(frames.index) == ["Shanghai Cooperation Organisation"]  # frames without events are left out
    sco = frames.loc["Shanghai Cooperation Organisation"]
    assert sco["began"] == pd.Timestamp("2001-06-15") and sco["meetings_recorded"] == 2


def test_a_source_filed_twice_votes_once():
    rows = frame(
        [
            ("s", "2009-09-01", "month", "company"),  # one source, two section rows
            ("s", "2009-09-01", "month", "company"),
            ("s", "2009-07-11", "day", "gem"),
        ],
        ["segment_id", "date", "date_precision", "source_id"],
    )
    chosen = agreed_dates(rows, "segment_id").iloc[0]
    assert chosen["n_agreeing"] == 1 and chosen["n_sources"] == 2
    assert chosen["date"] == pd.Timestamp("2009-07-11")  # a tie of one vote each: the more precise wins
