"""The book's own data package: clean, cited, and broad enough for every chapter."""

from pathlib import Path

import pandas as pd
from frictionless import validate as frictionless_validate

import cnkz
from cnkz.datapackage import allowed_values, codebook
from cnkz.display.figures import THEMES

DATA = Path(__file__).resolve().parents[1] / "data"


def test_cnkz_finds_no_problem():
    assert [str(problem) for problem in cnkz.validate(DATA)] == []


def test_the_reference_implementation_agrees_the_package_is_valid():
    report = frictionless_validate(str(DATA / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])[:10]


def test_every_table_on_disk_is_described_and_loads():
    described = set(codebook.table_summary(DATA)["file"])
    assert {path.name for path in DATA.glob("*.csv")} == described
    for name in codebook.table_summary(DATA)["table"]:
        assert len(cnkz.load(name, DATA)) > 0


def test_timeline_spans_1992_to_2025_across_every_theme():
    events = cnkz.load("events", DATA)
    assert events["event_id"].nunique() >= 25
    assert set(THEMES) == set(allowed_values("events", "theme"))  # a lane for every theme the data allow
    assert set(events["theme"]) == set(THEMES)
    assert events["date"].min() <= pd.Timestamp("1992-12-31")
    assert events["date"].max() >= pd.Timestamp("2025-01-01")
    assert events.groupby("theme")["event_id"].nunique().min() >= 5


def test_one_event_has_one_title_theme_and_type():
    events = cnkz.load("events", DATA)
    per_event = events.groupby("event_id")[["title", "theme", "type"]].nunique()
    assert per_event[(per_event > 1).any(axis=1)].empty


def test_no_source_is_registered_twice():
    # Two editions of one publication may share an address; the same title at the same address is a duplicate.
    sources = cnkz.load("sources", DATA)
    same = sources.assign(url=sources["url"].str.rstrip("/")).duplicated(["url", "title"])
    assert sources.loc[same, "id"].tolist() == []


def test_essay_history_claims_get_the_verdicts_the_sources_support():
    from cnkz.analysis import history

    table = history.essay_claims(
        cnkz.load("events", DATA),
        cnkz.load("border_texts", DATA),
        cnkz.load("border_length", DATA),
        cnkz.load("sources", DATA),
    )

    def verdict(start):
        (found,) = table.loc[table["essay claims"].str.startswith(start), "verdict"]
        return found

    # Read from the sources: the SCO was founded in 2001, not 1996;
    # sources give several border lengths, 1,700 km among them.
    assert verdict("Both states co-founded the Shanghai Coope") == "wrong"
    assert verdict("The shared border is 1,700 km long") == "imprecise"
    assert verdict("The first boundary agreement was signed i") == "holds"
    assert table["kinds of source"].str.len().min() > 0


def osce_claims():
    from cnkz.analysis import osce

    names = (
        "osce_states",
        "osce_chairmanships",
        "osce_summits",
        "osce_staff",
        "country_facts",
        "democracy_scores",
    )
    return osce.essay_claims(*(cnkz.load(name, DATA) for name in names)).set_index("essay claims")


def test_essay_claims_do_not_date_an_undated_page_or_call_an_unchecked_first_imprecise():
    table = osce_claims()
    staff = table.loc["It has 550 staff at headquarters"]
    # the page counts all institutions, not headquarters; the older page cannot be dated to 2010
    assert (staff["verdict today"], staff["verdict for 2010"]) == ("imprecise", "cannot be checked")
    assert table.loc["Kazakhstan was the first Asian chair", "verdict today"] == "holds where checkable"


def test_essay_osce_claims_separate_today_from_2010():
    table = osce_claims()
    # Read from the sources: Mongolia became the 57th state in 2012, so 56 met in Astana;
    # no chair before 2010 was a former Soviet republic; Astana 2010 is the last summit.
    assert tuple(table.loc["It has 57 participating states", ["verdict today", "verdict for 2010"]]) == (
        "holds",
        "wrong",
    )
    assert table.loc["Kazakhstan was the first post-Soviet chair", "verdict for 2010"] == "holds"
    assert table.loc["The last summit was in Astana on 1–2 December 2010", "verdict today"] == "holds"


def test_region_outline_is_cited_and_covers_the_map():
    outline = cnkz.load("region_outline", DATA)
    assert set(outline["source_id"]) == {"natural-earth-world-atlas"}
    assert {"KAZ", "CHN", "RUS"} <= set(outline["country"])
    assert 40 <= outline["lon"].min() and outline["lon"].max() <= 100


def test_each_exercise_and_summit_has_one_name_and_one_year():
    exercises = cnkz.load("military_exercises", DATA)
    assert (exercises.groupby("exercise_id")[["exercise", "year"]].nunique() == 1).all().all()
    assert (exercises["start_date"].dt.year.dropna() == exercises.dropna(subset=["start_date"])["year"]).all()
    summits = cnkz.load("sco_summits", DATA)
    assert (summits.groupby("summit_id")["year"].nunique() == 1).all()


def test_tracker_entries_and_reported_deals_are_told_apart():
    deals = cnkz.load("upstream_deals", DATA)
    assert deals.groupby("deal_id")["record_kind"].nunique().max() == 1
    assert set(deals["record_kind"]) == {"reported_deal", "tracker_entry"}


def test_the_ledger_checks_at_least_fifteen_claims_from_every_chapter():
    from cnkz.analysis import ledger

    claims = ledger.all_claims(DATA)
    assert len(claims) >= 15
    assert set(claims["chapter"]) == set(ledger.CHAPTERS)
    assert set(claims["verdict"]) <= {
        "holds",
        "holds where checkable",
        "imprecise",
        "wrong",
        "cannot be checked",
    }
