"""The security chapter's questions: SCO growth and summits, exercises, military spending,
January 2022, arms transfers, and the essay's claims."""

from __future__ import annotations

import pandas as pd

from ..datapackage import items
from . import verdicts
from .agreement import agreed_dates, source_spread

STATUSES = ["member", "observer", "dialogue_partner"]

# The kinds of date a status is counted from: the decision that granted it, or a date whose
# source does not say (mostly years). Memorandum signings, accession starts and domestic
# approvals date other acts and are left out, so every state is counted from the same kind of date.
COUNTED_DATE_KINDS = ("decision", "unstated")

# The event that records what Kazakhstan granted the US-led coalition (emergency landings, not a base).
ALMATY_MEMORANDUM = "2002-kazakhstan-us-almaty-emergency-landing"


def status_by_year(membership: pd.DataFrame, years: range) -> pd.DataFrame:
    """How many states held each SCO status at the end of each year (a state's latest status counts).

    Only rows whose `date_kind` is in COUNTED_DATE_KINDS count.
    """
    counted = membership[membership["date_kind"].isin(COUNTED_DATE_KINDS)]
    agreed = agreed_dates(counted, ["state", "status"])
    rows = []
    for year in years:
        held = agreed[agreed["date"] <= pd.Timestamp(year, 12, 31)].sort_values("date")
        latest = held.drop_duplicates("state", keep="last")["status"].value_counts()
        rows.append({"year": year, **{status: int(latest.get(status, 0)) for status in STATUSES}})
    return pd.DataFrame(rows).set_index("year")


def summits_by_host(summits: pd.DataFrame) -> pd.DataFrame:
    """Summits per host country, with the years each hosted, most first."""
    agreed = agreed_dates(summits, "summit_id", date="end_date")
    table = agreed.groupby("country").agg(
        summits=("summit_id", "size"), years=("year", lambda years: ", ".join(map(str, sorted(years))))
    )
    return table.sort_values(["summits"], ascending=False).reset_index()


def troop_spread(exercises: pd.DataFrame) -> pd.DataFrame:
    """For each exercise, the lowest and highest total troop figure sources give, and how many give one."""
    return source_spread(exercises, ["exercise_id", "exercise", "year"], "troops_total")


def most_disputed(spread: pd.DataFrame, n: int = 2) -> list[str]:
    """The `n` exercises whose highest troop figure is the largest multiple of their lowest, in year order."""
    top = spread.nlargest(n, "highest_over_lowest")
    return list(top.sort_values("year")["exercise"])


def spending_table(milex: pd.DataFrame) -> pd.DataFrame:
    """Military spending by year and country, with China's spending as a multiple of Kazakhstan's."""
    table = milex.pivot(index="year", columns="country", values="value_usd_m")
    table["CHN_over_KAZ"] = (table["CHN"] / table["KAZ"]).round(1)
    return table


def burden_table(burden: pd.DataFrame) -> pd.DataFrame:
    """Military expenditure as a share of GDP, one column per country, one row per year."""
    return burden.pivot(index="year", columns="country", values="share_of_gdp_pct")


def tiv_by_year(register: pd.DataFrame, years: range) -> pd.DataFrame:
    """SIPRI TIV of deliveries to Kazakhstan per year (rows) and supplier (columns), 0 where none is recorded."""
    table = register.pivot_table(
        index="delivery_year", columns="supplier", values="tiv_delivered_m", aggfunc="sum", fill_value=0
    )
    return table.reindex(years, fill_value=0).rename_axis("year")


def distinct_statements(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per statement: rows with the same date and speaker are one statement cited by several sources."""
    return statements.drop_duplicates(["date", "speaker"])


def figure_range(rows: pd.DataFrame, measure: str) -> pd.Series:
    """Lowest and highest value sources give for one measure, and how many sources and distinct values."""
    given = rows.loc[rows["measure"] == measure, "value"]
    return pd.Series(
        {"sources": len(given), "values": given.nunique(), "lowest": given.min(), "highest": given.max()}
    )


def essay_claims(
    events: pd.DataFrame, membership: pd.DataFrame, bases: pd.DataFrame, aims: pd.DataFrame
) -> pd.DataFrame:
    """The seed essay's security claims, each with what the data say and a verdict."""

    agreed = agreed_dates(events, "event_id").set_index("event_id")
    rows = []

    counted = membership[membership["date_kind"].isin(COUNTED_DATE_KINDS)]
    founders = agreed_dates(counted[counted["status"] == "member"], "state").set_index("state")
    founded = agreed.loc["2001-sco-founded", "date"]
    both = all(founders.loc[state, "date"] == founded for state in ("CHN", "KAZ"))
    rows.append(
        (
            "China and Kazakhstan are founding members of the SCO",
            f"both members from the founding on {founded:%-d %B %Y}",
            verdicts.HOLDS if both else verdicts.WRONG,
        )
    )

    charter = agreed.loc["2002-sco-charter-signed"]
    claimed = {
        "regional security": "security",
        "economic development": "economy",
        "terrorism": "terrorism",
        "drug trafficking": "drug_trafficking",
    }
    listed = set(aims["area"])
    missing = [aim for aim, area in claimed.items() if area not in listed]
    rows.append(
        (
            "The SCO aims at regional security, economic development and fighting terrorism and drug trafficking",
            f"Article 1 of the Charter (signed {charter['date']:%-d %B %Y}) lists "
            + (f"all four among its {len(aims)} goals" if not missing else f"all but {', '.join(missing)}"),
            verdicts.HOLDS if not missing else verdicts.IMPRECISE,
        )
    )

    cut = agreed.loc["1997-border-troop-reduction-agreement"]
    parties = set(items(events[events["event_id"] == cut.name], "parties").iloc[0])
    rows.append(
        (
            "In 1997 China and Kazakhstan agreed with Kyrgyzstan and Tajikistan to reduce forces on the border",
            f"signed {cut['date']:%-d %B %Y} by {', '.join(sorted(parties))}",
            verdicts.parties_claim({"CHN", "KAZ", "KGZ", "TJK"}, parties),
        )
    )

    declaration = agreed.loc["2005-sco-astana-declaration-bases"]
    us_hosts = sorted(set(bases.loc[bases["user"] == "USA", "host_country"]))
    landing = ""
    if ALMATY_MEMORANDUM in agreed.index:
        landing = (
            f"; Kazakhstan agreed on {agreed.loc[ALMATY_MEMORANDUM, 'date']:%-d %B %Y} only to emergency "
            "landings at Almaty, with no US aircraft or personnel stationed"
        )
    rows.append(
        (
            "China aims to keep US air bases out of Kazakhstan",
            "the aim itself cannot be checked, but the premise it implies, US bases in Kazakhstan, is wrong: "
            f"the sources name US bases only in {' and '.join(us_hosts)}, none in Kazakhstan{landing}; the SCO's "
            f"joint declaration of {declaration['date']:%-d %B %Y} asked the coalition for a deadline on bases "
            "in member states, and is not a Chinese statement about Kazakhstan",
            verdicts.UNCHECKABLE,  # an aim; its premise is judged in "the data say"
        )
    )

    # The essay's claims on Kazakh–Uighur ties are judged in the society chapter (society.essay_claims).
    return pd.DataFrame(rows, columns=["essay claims", "the data say", "verdict"])
