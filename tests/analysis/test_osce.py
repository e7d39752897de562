import pandas as pd

from cnkz.analysis import osce


def states():
    return pd.DataFrame(
        {
            "state": ["FIN", "KAZ", "MNG", "RUS", "MNG"],
            "admitted": pd.to_datetime(["1975-08-01", "1992-01-01", "2012-11-21", None, "2012-11-01"]),
            "admitted_precision": ["day", "month", "day", None, "month"],
        }
    )


def test_membership_steps_count_only_dated_states_once():
    steps = osce.membership_steps(states())
    assert steps["total"].tolist() == [1, 2, 3]
    assert steps.loc[2, "states"] == "MNG"


def test_states_at_gives_bounds_when_some_dates_are_unknown():
    assert osce.states_at(states(), "2010-12-01") == (2, 3)
    assert osce.states_at(states(), "1974-01-01") == (0, 1)


def test_chairs_are_scored_in_their_own_year_and_ranked():
    chairs = pd.DataFrame(
        {
            "year": [1992, 2009, 2009, 2010],
            "state": ["CSK", "GRC", "GRC", "KAZ"],
            "chairperson": [None, "A", "B", "C"],
            "source_id": ["s"] * 4,
        }
    )
    scores = pd.DataFrame(
        {
            "country": ["CZE", "GRC", "GRC", "KAZ"],
            "year": [1992, 2009, 2010, 2010],
            "indicator": ["v2x_libdem"] * 4,
            "value": [0.8, 0.7, 0.1, 0.12],
        }
    )
    table = osce.chairs_with_scores(chairs, scores).set_index("year")
    assert table.loc[2009, "chairperson"] == "A / B"
    assert table.loc[2009, "v2x_libdem"] == 0.7  # Greece's 2009 score, not its 2010 one
    assert table.loc[1992, "v2x_libdem"] == 0.8  # found under V-Dem's code
    assert table["rank"].tolist() == [1, 2, 3]


def test_summit_gaps():
    summits = pd.DataFrame(
        {
            "summit_id": ["1999-istanbul", "2010-astana", "2010-astana"],
            "start_date": pd.to_datetime(["1999-11-18", "2010-12-01", "2010-12-01"]),
            "end_date": pd.to_datetime(["1999-11-19", "2010-12-02", "2010-12-02"]),
            "city": ["Istanbul", "Astana", "Astana"],
            "document": ["a", "b", "b"],
        }
    )
    gaps = osce.summit_gaps(summits)
    assert len(gaps) == 2 and gaps.loc[1, "years_since_previous"] == round(4031 / 365.25, 1)


def test_first_chair_with_a_fact_reports_unchecked_earlier_chairs():
    chairs = pd.DataFrame(
        {
            "year": [1992, 1993, 2010],
            "state": ["CSK", "SWE", "KAZ"],
            "chairperson": ["a", "b", "c"],
            "source_id": ["s"] * 3,
        }
    )
    facts = pd.DataFrame(
        {
            "state": ["SWE", "KAZ", "KAZ"],
            "fact": ["un_m49_region"] * 3,
            "value": ["Europe / Northern Europe", "Asia / Central Asia", "Asia / Central Asia"],
        }
    )
    first = osce.first_chair_with(facts, chairs, "un_m49_region", lambda v: v.startswith("Asia"))
    assert (first["state"], first["year"], first["earlier_chairs"], first["earlier_unknown"]) == (
        "KAZ",
        2010,
        2,
        1,
    )


def test_chair_years_joins_the_names_sources_give_and_marks_years_no_source_names():
    chairs = pd.DataFrame(
        {
            "year": [1992, 1992, 1993, 1994, 1994],
            "state": ["CSK", "CSK", "SWE", "ITA", "ITA"],
            "chairperson": [None, "Jiří Dienstbier", "Margaretha af Ugglas", None, None],
        }
    )
    table = osce.chair_years(chairs).set_index("year")["chairperson"]
    assert table.to_dict() == {1992: "Jiří Dienstbier", 1993: "Margaretha af Ugglas", 1994: osce.UNNAMED}


def test_serbia_is_dated_by_the_date_most_sources_give():
    from cnkz import load

    serbia = osce.admissions(load("osce_states")).set_index("state").loc["SRB"]
    assert serbia["admitted"] == pd.Timestamp("2000-11-10") and serbia["n_dates"] == 2
