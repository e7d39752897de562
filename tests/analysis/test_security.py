import pandas as pd

from cnkz.analysis import security


def test_status_by_year_counts_a_states_latest_status():
    membership = pd.DataFrame(
        {
            "state": ["IND", "IND", "CHN"],
            "status": ["observer", "member", "member"],
            "date": pd.to_datetime(["2005-07-05", "2017-06-09", "2001-06-15"]),
            "date_precision": ["day", "day", "day"],
            "date_kind": ["decision", "decision", "decision"],
            "source_id": ["a", "b", "c"],
        }
    )
    table = security.status_by_year(membership, range(2004, 2018))
    assert table.loc[2004].tolist() == [1, 0, 0]
    assert table.loc[2005].tolist() == [1, 1, 0]
    assert table.loc[2017].tolist() == [2, 0, 0]


def test_summits_by_host_counts_each_summit_once():
    summits = pd.DataFrame(
        {
            "summit_id": ["sco-2005-astana", "sco-2005-astana", "sco-2006-shanghai"],
            "year": [2005, 2005, 2006],
            "end_date": pd.to_datetime(["2005-07-05", "2005-07-05", "2006-06-15"]),
            "date_precision": ["day"] * 3,
            "country": ["KAZ", "KAZ", "CHN"],
            "source_id": ["a", "b", "c"],
        }
    )
    table = security.summits_by_host(summits).set_index("country")
    assert table.loc["KAZ", "summits"] == 1 and table.loc["KAZ", "years"] == "2005"


def test_troop_spread_ignores_sources_without_a_figure():
    exercises = pd.DataFrame(
        {
            "exercise_id": ["pm-2010"] * 3,
            "exercise": ["Peace Mission 2010"] * 3,
            "year": [2010] * 3,
            "troops_total": pd.array([5000, 3000, None], dtype="Int64"),
            "source_id": ["a", "b", "c"],
        }
    )
    spread = security.troop_spread(exercises).iloc[0]
    assert (spread["sources"], spread["lowest"], spread["highest"], spread["highest_over_lowest"]) == (
        2,
        3000,
        5000,
        1.67,
    )


def test_spending_ratio():
    milex = pd.DataFrame({"country": ["CHN", "KAZ"], "year": [2010, 2010], "value_usd_m": [100.0, 4.0]})
    assert security.spending_table(milex).loc[2010, "CHN_over_KAZ"] == 25.0


def test_most_disputed_picks_the_largest_ratios_and_orders_them_by_year():
    exercises = pd.DataFrame(
        {
            "exercise_id": ["pm-2010", "pm-2010", "pm-2005", "pm-2005", "xiamen-2015", "xiamen-2015"],
            "exercise": ["Peace Mission 2010"] * 2 + ["Peace Mission 2005"] * 2 + ["Xiamen 2015"] * 2,
            "year": [2010, 2010, 2005, 2005, 2015, 2015],
            "troops_total": pd.array([3000, 5000, 10000, 100000, 900, 1000], dtype="Int64"),
            "source_id": list("abcdef"),
        }
    )
    spread = security.troop_spread(exercises)
    assert security.most_disputed(spread) == ["Peace Mission 2005", "Peace Mission 2010"]


def test_burden_table_has_a_column_per_country_and_leaves_missing_years_empty():
    burden = pd.DataFrame(
        {
            "country": ["CHN", "CHN", "KAZ"],
            "year": [1992, 1993, 1993],
            "share_of_gdp_pct": [2.449542, 1.9280668, 1.0626203],
            "source_id": ["s"] * 3,
        }
    )
    table = security.burden_table(burden)
    assert list(table.columns) == ["CHN", "KAZ"]
    assert table.loc[1993, "KAZ"] == 1.0626203
    assert pd.isna(table.loc[1992, "KAZ"])


def test_status_by_year_counts_a_status_from_its_decision_not_from_a_memorandum():
    membership = pd.DataFrame(
        {
            "state": ["TUR", "TUR", "IRN", "IRN"],
            "status": ["dialogue_partner", "dialogue_partner", "member", "member"],
            "date": pd.to_datetime(["2012-06-01", "2013-04-26", "2021-09-17", "2023-07-04"]),
            "date_precision": ["month", "day", "day", "day"],
            "date_kind": ["decision", "memorandum", "accession_start", "decision"],
            "source_id": ["a", "b", "c", "d"],
        }
    )
    table = security.status_by_year(membership, range(2012, 2024))
    assert table.loc[2012, "dialogue_partner"] == 1  # the 2012 decision, not the 2013 memorandum
    assert table.loc[2022, "member"] == 0  # the 2021 start of accession is not membership
    assert table.loc[2023, "member"] == 1


def test_tiv_by_year_sums_deliveries_and_fills_empty_years():
    register = pd.DataFrame(
        {
            "supplier": ["RUS", "RUS", "CHN"],
            "delivery_year": [2016, 2016, 2016],
            "tiv_delivered_m": [110.0, 46.0, 9.0],
        }
    )
    table = security.tiv_by_year(register, range(2015, 2018))
    assert table.loc[2016, "RUS"] == 156.0 and table.loc[2016, "CHN"] == 9.0
    assert table.loc[2015].tolist() == [0, 0]


def test_distinct_statements_counts_a_statement_cited_twice_once():
    statements = pd.DataFrame(
        {
            "date": pd.to_datetime(["2019-05-28", "2019-05-28", "2019-05-28"]),
            "speaker": ["Zhang Xiao", "Zhang Xiao", "Foreign ministry"],
            "government": ["CHN", "CHN", "KAZ"],
            "source_id": ["a", "b", "c"],
        }
    )
    assert security.distinct_statements(statements)["government"].value_counts().to_dict() == {
        "CHN": 1,
        "KAZ": 1,
    }


BASES_CLAIM = "China aims to keep US air bases out of Kazakhstan"


def essay_inputs(with_memorandum: bool = False):
    """The four tables security.essay_claims reads, as small frames; optionally with the 2002 Almaty memorandum."""
    events = pd.DataFrame(
        {
            "event_id": [
                "2001-sco-founded",
                "2002-sco-charter-signed",
                "2005-sco-astana-declaration-bases",
                "1997-border-troop-reduction-agreement",
            ],
            "date": pd.to_datetime(["2001-06-15", "2002-06-07", "2005-07-05", "1997-04-24"]),
            "title": ["SCO founded", "Charter", "Astana declaration", "Troop cut"],
            "parties": ["CHN;KAZ", "CHN;KAZ", "CHN;KAZ", "CHN;KAZ;KGZ;RUS;TJK"],
        }
    )
    if with_memorandum:
        memorandum = {"event_id": security.ALMATY_MEMORANDUM, "date": pd.Timestamp("2002-07-10")}
        events = pd.concat(
            [events, pd.DataFrame([{**memorandum, "title": "Almaty memorandum", "parties": "KAZ;USA"}])],
            ignore_index=True,
        )
    events = events.assign(date_precision="day", theme="security", source_id="a")
    events.attrs["table"] = "events"  # as cnkz.load records it, for the list field `parties`
    membership = pd.DataFrame(
        {
            "state": ["CHN", "KAZ", "IRN"],
            "status": ["member"] * 3,
            "date": pd.to_datetime(["2001-06-15", "2001-06-15", "2021-09-17"]),
            "date_precision": ["day"] * 3,
            "date_kind": ["decision", "decision", "accession_start"],
            "source_id": ["a"] * 3,
        }
    )
    bases = pd.DataFrame({"host_country": ["KGZ", "UZB"], "user": ["USA", "USA"], "source_id": ["a", "a"]})
    aims = pd.DataFrame(
        {"area": ["security", "terrorism", "drug_trafficking", "economy"], "source_id": ["a"] * 4}
    )
    return events, membership, bases, aims


def test_essay_claims_judge_the_aims_and_leave_the_bases_aim_unchecked():
    events, membership, bases, aims = essay_inputs()
    table = security.essay_claims(events, membership, bases, aims).set_index("essay claims")["verdict"]
    assert table[BASES_CLAIM] == "cannot be checked"
    assert table.filter(like="The SCO aims").iloc[0] == "holds"
    assert table.filter(like="founding").iloc[0] == "holds"  # an accession procedure is not membership
    fewer_aims = security.essay_claims(events, membership, bases, aims.iloc[:3]).set_index("essay claims")
    assert fewer_aims["verdict"].filter(like="The SCO aims").iloc[0] == "imprecise"


def test_essay_claims_name_where_the_bases_were_and_the_almaty_memorandum():
    table = security.essay_claims(*essay_inputs(with_memorandum=True)).set_index("essay claims")
    said = table.loc[BASES_CLAIM, "the data say"]
    assert "US bases only in KGZ and UZB, none in Kazakhstan" in said
    assert "10 July 2002 only to emergency landings at Almaty" in said
