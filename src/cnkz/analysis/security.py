"""The security chapter's questions: SCO growth and summits, exercises, military spending."""

from __future__ import annotations

import pandas as pd

from ..datapackage import items
from . import verdicts
from .agreement import agreed_dates, source_spread

STATUSES = ["member", "observer", "dialogue_partner"]


def status_by_year(membership: pd.DataFrame, years: range) -> pd.DataFrame:
    """How many states held each SCO status at the end of each year (a state's latest status counts)."""
    agreed = agreed_dates(membership, ["state", "status"])
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


def essay_claims(events: pd.DataFrame, membership: pd.DataFrame) -> pd.DataFrame:
    """The seed essay's security claims, each with what the data say and a verdict."""

    agreed = agreed_dates(events, "event_id").set_index("event_id")
    security = agreed[agreed["theme"] == "security"]
    rows = []

    founders = agreed_dates(membership[membership["status"] == "member"], "state").set_index("state")
    founded = agreed.loc["2001-sco-founded", "date"]
    both = all(founders.loc[state, "date"] == founded for state in ("CHN", "KAZ"))
    rows.append(
        (
            "China and Kazakhstan are founding members of the SCO",
            f"both members from the founding on {founded:%-d %B %Y}",
            verdicts.HOLDS if both else verdicts.WRONG,
        )
    )

    aims = {"terrorism": "terror", "drug trafficking": "drug", "economic development": "econom"}
    found = {aim: security["title"].str.contains(word, case=False).sum() for aim, word in aims.items()}
    supported = [aim for aim, count in found.items() if count]
    missing = [aim for aim, count in found.items() if not count]
    rows.append(
        (
            "The SCO aims at regional security, economic development and fighting terrorism and drug trafficking",
            f"security events on {', '.join(supported) or 'none of these'}; none yet on {', '.join(missing)}"
            if missing
            else "security events on every aim",
            verdicts.HOLDS if not missing else verdicts.UNCHECKABLE,
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

    bases = agreed.loc["2005-sco-astana-declaration-bases"]
    rows.append(
        (
            "China aims to keep US air bases out of Kazakhstan",
            f"{bases['title']} ({bases['date']:%-d %B %Y}): a joint SCO statement on coalition bases in "
            "member states, not a Chinese statement about Kazakhstan",
            verdicts.IMPRECISE,
        )
    )

    rows.append(
        (
            "Kazakh–Uighur ties could feed Uighur separatism in Xinjiang",
            "a forecast, not a fact; see the attributed statements in xinjiang_statements",
            verdicts.UNCHECKABLE,
        )
    )
    return pd.DataFrame(rows, columns=["essay claims", "the data say", "verdict"])
