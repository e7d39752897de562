import pandas as pd

from cnkz.analysis import society, verdicts


def _opinion(**columns):
    base = {
        "survey": ["A", "B", "C"],
        "fieldwork_date": pd.to_datetime(["2020-02-01", None, None]),
        "about": ["RUS", "RUS", "CHN"],
        "stance": ["positive", "positive", "negative"],
        "share_pct": [49.0, 49.0, 10.0],
        "sample_size": pd.array([1100, None, None], dtype="Int64"),
        "source_id": ["s1", "s2", "s3"],
    }
    base.update(columns)
    return pd.DataFrame(base)


SOURCES = pd.DataFrame(
    {"id": ["s1", "s2", "s3"], "published": pd.to_datetime(["2021-05-06", "2020-04-30", None])}
)


def test_survey_year_prefers_fieldwork_then_publication_and_says_which():
    rows = society.with_survey_year(_opinion(), SOURCES)
    assert rows["year"].tolist()[:2] == [2020, 2020]
    assert pd.isna(rows["year"].iloc[2])
    assert rows["year_basis"].tolist()[:2] == ["fieldwork", "published"]
    assert pd.isna(rows["year_basis"].iloc[2])


def test_a_share_retold_by_a_second_source_is_one_finding():
    rows = society.with_survey_year(_opinion(), SOURCES)
    kept = society.distinct_findings(rows)
    assert kept["source_id"].tolist() == ["s1", "s3"]


def test_sample_label_and_short_name():
    assert society.sample_label(pd.NA) == "n not given"
    assert society.sample_label(1100) == "n = 1,100"
    assert society.short_survey("Gallup World Poll (leadership approval)") == "Gallup World Poll"


def test_survey_overview_lists_known_sample_sizes_only():
    rows = _opinion(survey=["A", "A", "B"], sponsor=["x", "x", "y"], population=["national"] * 3)
    table = society.survey_overview(rows).set_index("survey")
    assert table.loc["A", "sample_size"] == "1,100"
    assert table.loc["B", "sample_size"] == "not given"
    assert table.loc["B", "negative_rows"] == 1


def _contention():
    frame = pd.DataFrame(
        {
            "contention_id": ["rally", "rally", "rally", "rally", "trial"],
            "date": pd.to_datetime(["2016-04-24", "2016-04-24", "2016-04-27", "2016-04-24", "2018-08-01"]),
            "date_precision": ["day"] * 5,
            "kind": ["protest", "protest", "protest", "protest", "trial"],
            "places": ["Atyrau", "Atyrau", "Atyrau", "Atyrau;Nur-Sultan;Astana", ""],
            "issues": ["land", "land", "land", "land", "xinjiang"],
            "about": ["x", "x", "x", "x", "Uyghurs and Kazakhs"],
            "size_text": ["several hundred", "about 1,000", "as many as 1,000", "2,000 or more", ""],
            "size_low": pd.array([None, 1000, None, 2000, None], dtype="Int64"),
            "size_high": pd.array([None, 1000, 1000, None, None], dtype="Int64"),
            "source_id": ["a", "b", "c", "d", "e"],
        }
    )
    frame.attrs["table"] = "contention"
    return frame


def test_episode_dates_follow_the_most_sources_and_cities_count_the_capital_once():
    table = society.episodes(_contention()).set_index("contention_id")
    assert table.loc["rally", "start"] == pd.Timestamp("2016-04-24")
    assert table.loc["rally", "cities"] == 2  # Atyrau; Nur-Sultan and Astana are one city
    assert table.loc["trial", "cities"] == 0
    assert table.loc["rally", "sources"] == 4


def test_crowd_summary_uses_numbers_only_and_the_median_of_midpoints():
    sizes = society.crowd_sizes(_contention(), "rally")
    summary = society.crowd_summary(sizes)
    # midpoints: b 1000, c 1000 (an upper bound alone), d 2000 (a floor alone); a gives only words
    assert summary == {
        "sources": 4,
        "with_number": 3,
        "words_only": 1,
        "lowest": 1000,
        "highest": 2000,
        "chosen": 1000,
    }


def _kandas():
    return pd.DataFrame(
        {
            "year": [2020, 2020, 2020, 2021, 2021, 2021],
            "origin": ["ALL"] * 6,
            "measure": ["repatriates"] * 6,
            "count_kind": ["part_year", "part_year", "cumulative", "part_year", "year", "part_year"],
            "period_end": pd.to_datetime(
                ["2020-09-01", "2020-12-01", "2020-12-01", "2021-10-01", None, "2021-04-01"]
            ),
            "persons": [9900, 12300, 1069500, 14358, 12500, 3966],
            "china_share_pct": [59.1, 54.2, None, 9.4, None, 11.9],
            "source_id": ["a", "b", "b", "c", "d", "e"],
        }
    )


def test_returnees_take_the_full_year_else_the_latest_part_year():
    table = society.returnees_by_year(_kandas()).set_index("year")
    assert table.loc[2020, "persons"] == 12300 and table.loc[2020, "partial"]
    assert table.loc[2021, "persons"] == 12500 and not table.loc[2021, "partial"]
    assert table.loc[2021, "figures_given"] == 3


def test_china_shares_leave_out_cumulative_counts():
    shares = society.china_shares(_kandas())
    assert shares["china_share_pct"].tolist() == [59.1, 54.2, 11.9, 9.4]


def test_annual_keeps_whole_year_figures_with_their_spread():
    flows = pd.DataFrame(
        {
            "year": [2023, 2023, 2023],
            "indicator": ["chinese_visitors_to_kaz"] * 3,
            "period": ["year", "year", "part_year"],
            "value": [367400.0, 217000.0, 78515.0],
            "source_id": ["a", "b", "c"],
        }
    )
    table = society.annual(flows, "chinese_visitors_to_kaz")
    assert table["source_id"].tolist() == ["b", "a"]
    assert table["year_highest"].iloc[0] / table["year_lowest"].iloc[0] > 1.6


def test_essay_claims_judge_the_xinjiang_claim_from_the_episodes():
    events = pd.DataFrame(
        {
            "event_id": ["e1"],
            "theme": ["society"],
            "type": ["statement"],
            "title": ["Kazakh MFA says China let ethnic Kazakhs leave"],
        }
    )
    claims = society.essay_claims(_contention(), events)
    assert claims["verdict"].tolist() == [verdicts.HOLDS, verdicts.UNCHECKABLE]
    no_uyghurs = _contention().assign(about="x")
    no_uyghurs.attrs["table"] = "contention"
    assert society.essay_claims(no_uyghurs, events)["verdict"].iloc[0] == verdicts.IMPRECISE
