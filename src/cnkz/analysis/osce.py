"""The OSCE chapter's questions: membership, chairs, summits, budget, democracy scores."""

from __future__ import annotations

import pandas as pd

from ..datapackage import items
from . import verdicts
from .agreement import agreed_dates
from .chronology import years_since_previous


def admissions(states: pd.DataFrame) -> pd.DataFrame:
    """One row per state, with the admission date chosen by the book's rule where sources differ."""
    return agreed_dates(states, "state", date="admitted", precision="admitted_precision")


def membership_steps(states: pd.DataFrame) -> pd.DataFrame:
    """Cumulative number of today's participating states by date of admission (dated ones only)."""
    dated = admissions(states).dropna(subset=["admitted"])
    steps = dated.groupby("admitted").agg(
        joined=("state", "size"), states=("state", lambda s: ", ".join(sorted(s)))
    )
    steps["total"] = steps["joined"].cumsum()
    return steps.reset_index()


def states_at(states: pd.DataFrame, date: str | pd.Timestamp) -> tuple[int, int]:
    """Bounds on how many of today's states took part on `date`.

    The lower bound counts states dated on or before it; the upper bound also
    counts states with no sourced date (they may have joined before).
    """
    date = pd.Timestamp(date)
    states = admissions(states)
    before = int((states["admitted"] <= date).sum())
    undated = int(states["admitted"].isna().sum())
    return before, before + undated


UNNAMED = "(no chairperson named in the sources used)"


def chair_years(chairs: pd.DataFrame) -> pd.DataFrame:
    """One row per chairmanship year and state, with the chairpersons its sources name, joined;
    a source that names nobody adds nothing where another names someone."""

    def joined(names: pd.Series) -> str:
        return " / ".join(dict.fromkeys(names.dropna())) or UNNAMED

    return chairs.groupby(["year", "state"])["chairperson"].agg(joined).reset_index()


def chairs_with_scores(
    chairs: pd.DataFrame,
    scores: pd.DataFrame,
    indicator: str = "v2x_libdem",
    aliases: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Each chair year with the chairing state's score on `indicator` in that year, ranked (1 = highest).

    `aliases` maps a chair's code to the code the score source files it under
    (V-Dem files Czechoslovakia 1992 under CZE). Chair years without a score
    keep a missing value and no rank.
    """
    aliases = {"CSK": "CZE"} if aliases is None else aliases
    table = chair_years(chairs)
    table["scored_as"] = table["state"].replace(aliases)
    picked = scores[scores["indicator"] == indicator][["country", "year", "value"]]
    table = table.merge(picked, left_on=["scored_as", "year"], right_on=["country", "year"], how="left")
    table = table.drop(columns=["country"]).rename(columns={"value": indicator})
    table["rank"] = table[indicator].rank(ascending=False, method="min").astype("Int64")
    return table


def summit_gaps(summits: pd.DataFrame) -> pd.DataFrame:
    """Summits in order with the years since the previous one."""
    table = summits.sort_values("start_date").drop_duplicates("summit_id")[
        ["summit_id", "start_date", "end_date", "city", "document"]
    ]
    table["years_since_previous"] = years_since_previous(table["start_date"])
    return table.reset_index(drop=True)


# "Kazakhstan was the first ... chair": each quality, the country fact that tests it, and the test.
FIRST_CHAIR_TESTS = {
    "post-Soviet": ("former_soviet_republic", lambda value: value == "true"),
    "Asian": ("un_m49_region", lambda value: value.startswith("Asia")),
    "Muslim-majority": ("muslim_majority", lambda value: value == "true"),
}


def first_chairs(facts: pd.DataFrame, chairs: pd.DataFrame) -> pd.DataFrame:
    """For each quality in FIRST_CHAIR_TESTS, the first chair that had it (see `first_chair_with`)."""
    return pd.DataFrame(
        {
            quality: first_chair_with(facts, chairs, fact, test)
            for quality, (fact, test) in FIRST_CHAIR_TESTS.items()
        }
    ).T


def first_chair_with(facts: pd.DataFrame, chairs: pd.DataFrame, fact: str, test) -> pd.Series:
    """The first chair year whose state passes `test` on `fact` (any source), with the earlier years checked."""
    values = (
        facts[facts["fact"] == fact]
        .groupby("state")["value"]
        .agg(lambda values: any(test(v) for v in values))
    )
    years = chair_years(chairs)
    years["passes"] = years["state"].map(values)
    first = years[years["passes"] == True].iloc[0]  # noqa: E712 (missing stays unknown, not False)
    earlier = years[years["year"] < first["year"]]
    return pd.Series(
        {
            "year": first["year"],
            "state": first["state"],
            "earlier_chairs": len(earlier),
            "earlier_unknown": int(earlier["passes"].isna().sum()),
        }
    )


def essay_claims(states, chairs, summits, staff, facts, scores) -> pd.DataFrame:
    """The seed essay's claims about the OSCE, judged for today and for 2010."""

    rows = []
    today = states["state"].nunique()
    low, high = states_at(states, summits.loc[summits["summit_id"] == "2010-astana", "start_date"].min())
    rows.append(
        (
            "It has 57 participating states",
            f"{today} today; between {low} and {high} at the Astana summit",
            verdicts.number_claim(57, pd.Series([today])),
            verdicts.number_claim(57, pd.Series([high])),
        )
    )

    recent = staff[staff["context"].str.contains("2021")]
    older = staff[staff["context"].str.contains("56 participating")]
    # The older page is undated; it was written while the OSCE had 56 states, between
    # Montenegro's admission and Mongolia's, so it cannot be tied to 2010.
    admitted = admissions(states).set_index("state")["admitted"]
    window = f"{admitted['MNE'].year}–{admitted['MNG'].year}"
    for label, column, claimed, where in [
        ("550 staff at headquarters", "institutions", 550, "in its institutions"),
        ("about 2,300 field staff", "field_operations", 2300, "in field operations"),
    ]:
        today = verdicts.number_claim(claimed, recent[column].astype(float), tolerance=0.05)
        if today == verdicts.HOLDS and column == "institutions":
            # The figure counts all institutions (Vienna, Warsaw, The Hague ...), not headquarters alone.
            today = verdicts.IMPRECISE
        rows.append(
            (
                f"It has {label}",
                f"about {recent[column].iloc[0]:,} {where} on a page reporting the 2021 budget; "
                f"{older[column].iloc[0]:,} on an undated page from the 56-state years ({window})",
                today,
                verdicts.UNCHECKABLE,
            )
        )

    languages = items(facts[(facts["state"] == "OSCE") & (facts["fact"] == "official_languages")], "value")
    claimed_languages = {"English", "French", "German", "Spanish", "Italian", "Russian"}
    same = all(set(listed) == claimed_languages for listed in languages)
    rows.append(
        (
            "Its six official languages are English, French, German, Spanish, Italian and Russian",
            "; ".join(sorted({", ".join(listed) for listed in languages})),
            verdicts.HOLDS if same else verdicts.WRONG,
            verdicts.HOLDS if same else verdicts.WRONG,
        )
    )

    gaps = summit_gaps(summits)["years_since_previous"].dropna()
    irregular = gaps.max() - gaps.min() > 1
    rows.append(
        (
            "Summits are held as needed, not on a schedule",
            f"gaps between summits range from {gaps.min():.1f} to {gaps.max():.1f} years",
            verdicts.HOLDS if irregular else verdicts.WRONG,
            verdicts.HOLDS if irregular else verdicts.WRONG,
        )
    )

    last = summit_gaps(summits).iloc[-1]
    said = f"last summit: {last['city']}, {last['start_date']:%-d}–{last['end_date']:%-d %B %Y}"
    holds = last["summit_id"] == "2010-astana" and last["start_date"] == pd.Timestamp("2010-12-01")
    rows.append(
        (
            "The last summit was in Astana on 1–2 December 2010",
            said,
            verdicts.HOLDS if holds else verdicts.WRONG,
            verdicts.HOLDS if holds else verdicts.WRONG,
        )
    )

    for label, first in first_chairs(facts, chairs).iterrows():
        unknown = (
            f", {first['earlier_unknown']} of them not covered by the source"
            if first["earlier_unknown"]
            else ""
        )
        verdict = verdicts.HOLDS if (first["state"], first["year"]) == ("KAZ", 2010) else verdicts.WRONG
        if verdict == verdicts.HOLDS and first["earlier_unknown"]:
            verdict = verdicts.HOLDS_WHERE_CHECKABLE
        rows.append(
            (
                f"Kazakhstan was the first {label} chair",
                f"first such chair: {first['state']} {first['year']} (after {first['earlier_chairs']} earlier chairs{unknown})",
                verdict,
                verdict,
            )
        )

    ranked = chairs_with_scores(chairs, scores).dropna(subset=["v2x_libdem"])
    kaz = ranked[(ranked["state"] == "KAZ") & (ranked["year"] == 2010)].iloc[0]
    lowest = kaz["rank"] == ranked["rank"].max()
    rows.append(
        (
            "An authoritarian state chaired an organisation that promotes democracy",
            f"Kazakhstan 2010 scores {kaz['v2x_libdem']:.3f} on V-Dem's liberal democracy index, "
            f"rank {kaz['rank']} of {len(ranked)} chair years",
            verdicts.HOLDS if lowest else verdicts.IMPRECISE,
            verdicts.HOLDS if lowest else verdicts.IMPRECISE,
        )
    )

    return pd.DataFrame(rows, columns=["essay claims", "the data say", "verdict today", "verdict for 2010"])
