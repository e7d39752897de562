"""The society chapter's questions: opinion surveys, protests and official answers, returnees, people crossing."""

from __future__ import annotations

import pandas as pd

from ..datapackage import items
from . import verdicts
from .agreement import agreed_dates

STANCES = ["positive", "negative", "choice"]
KINDS = ["protest", "petition", "detention", "trial", "registration", "statement", "policy"]
ISSUES = ["land", "chinese_projects", "xinjiang", "other"]
# The capital's names over the period; counted as one city.
SAME_CITY = {"Nur-Sultan": "Astana"}


# -- opinion ----------------------------------------------------------------


def with_survey_year(opinion: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Each row with the year it speaks for: the fieldwork year, or else the year its source was published.

    `year_basis` says which ('fieldwork', 'published'); rows with neither date get no year.
    """
    published = opinion["source_id"].map(sources.set_index("id")["published"])
    fieldwork = opinion["fieldwork_date"].dt.year
    year = fieldwork.fillna(published.dt.year).astype("Int64")
    basis = pd.Series(pd.NA, index=opinion.index, dtype="string")
    basis[fieldwork.notna()] = "fieldwork"
    basis[fieldwork.isna() & published.notna()] = "published"
    return opinion.assign(year=year, year_basis=basis)


def distinct_findings(opinion: pd.DataFrame) -> pd.DataFrame:
    """One row per finding: a share that another source already reports for the same year, country and
    stance is the same result retold, and only its first row is kept."""
    return opinion.drop_duplicates(["year", "about", "stance", "share_pct"], keep="first")


def short_survey(name: str) -> str:
    """A survey's name without the parenthesis that says who ran it or how it was reported."""
    return name.split(" (")[0]


def sample_label(size) -> str:
    """'n = 1,100', or 'n not given'."""
    return "n not given" if pd.isna(size) else f"n = {int(size):,}"


def survey_overview(opinion: pd.DataFrame) -> pd.DataFrame:
    """Per survey: who ran it, whom it speaks for, its sample sizes, how many rows, and the countries asked about."""

    def sizes(values: pd.Series) -> str:
        known = sorted({int(v) for v in values.dropna()})
        return ", ".join(f"{v:,}" for v in known) if known else "not given"

    table = opinion.groupby("survey", sort=False).agg(
        sponsor=("sponsor", "first"),
        population=("population", lambda s: ", ".join(sorted(set(s)))),
        sample_size=("sample_size", sizes),
        rows=("source_id", "size"),
        sources=("source_id", "nunique"),
        about=("about", lambda s: ", ".join(sorted(set(s)))),
        negative_rows=("stance", lambda s: int((s == "negative").sum())),
    )
    return table.reset_index()


# -- contention ---------------------------------------------------------------


def episode_steps(contention: pd.DataFrame) -> pd.DataFrame:
    """One row per step of an episode (episode, kind): its date by the shared rule for disagreeing
    sources (most precise, then most sources, then earliest)."""
    return agreed_dates(contention, ["contention_id", "kind"]).sort_values("date").reset_index(drop=True)


def episodes(contention: pd.DataFrame) -> pd.DataFrame:
    """One row per episode: first date, its kinds and issues, cities, and how many sources tell it."""
    steps = episode_steps(contention)
    cities = contention.assign(city=items(contention, "places")).explode("city").dropna(subset=["city"])
    cities["city"] = cities["city"].replace(SAME_CITY)
    table = steps.groupby("contention_id").agg(start=("date", "min"))
    table["year"] = table["start"].dt.year
    table["kinds"] = steps.groupby("contention_id")["kind"].agg(
        lambda s: ";".join(k for k in KINDS if k in set(s))
    )
    issues = contention.assign(issue=items(contention, "issues")).explode("issue")
    table["issues"] = issues.groupby("contention_id")["issue"].agg(
        lambda s: ";".join(i for i in ISSUES if i in set(s))
    )
    table["cities"] = cities.groupby("contention_id")["city"].nunique().reindex(table.index, fill_value=0)
    table["sources"] = contention.groupby("contention_id")["source_id"].nunique()
    return table.sort_values("start").reset_index()


def main_issue(issues: str) -> str:
    """An episode's first-listed issue, for a chart that gives each episode one colour."""
    return issues.split(";")[0]


def crowd_sizes(contention: pd.DataFrame, contention_id: str, kind: str = "protest") -> pd.DataFrame:
    """Every source's crowd size for one protest, with a midpoint where the source gives a number
    (a bound alone, 'more than 2,000' or 'as many as 1,000', counts as that number)."""
    rows = contention[(contention["contention_id"] == contention_id) & (contention["kind"] == kind)]
    low = rows["size_low"].fillna(rows["size_high"])
    high = rows["size_high"].fillna(rows["size_low"])
    table = rows.assign(midpoint=((low + high) / 2).round().astype("Int64"))[
        ["date", "source_id", "size_text", "size_low", "size_high", "midpoint"]
    ]
    return table.sort_values(["midpoint", "source_id"], na_position="first").reset_index(drop=True)


def crowd_summary(sizes: pd.DataFrame) -> dict:
    """The spread of the sources' figures and one value chosen by a stated rule.

    Rule: the median of the midpoints of the sources that give a number; sources that give
    only words ('several hundred') are counted but not used.
    """
    numbers = sizes["midpoint"].dropna()
    return {
        "sources": len(sizes),
        "with_number": len(numbers),
        "words_only": int(sizes["midpoint"].isna().sum()),
        "lowest": int(sizes["size_low"].fillna(sizes["size_high"]).min()) if numbers.size else None,
        "highest": int(sizes["size_high"].fillna(sizes["size_low"]).max()) if numbers.size else None,
        "chosen": int(numbers.median()) if numbers.size else None,
    }


# -- returnees -----------------------------------------------------------------


def returnees_by_year(kandas: pd.DataFrame) -> pd.DataFrame:
    """One figure per year for ethnic Kazakhs granted status (from every country), by a stated rule.

    Rule: a full-year total if a source gives one (the largest if several do); otherwise the
    part-year total that runs latest into the year, marked `partial`.
    """
    rows = kandas[(kandas["origin"] == "ALL") & (kandas["measure"] == "repatriates")]
    full = rows[rows["count_kind"] == "year"].sort_values("persons", ascending=False).drop_duplicates("year")
    part = rows[(rows["count_kind"] == "part_year") & ~rows["year"].isin(full["year"])]
    part = part.sort_values(["period_end", "persons"], na_position="first").drop_duplicates(
        "year", keep="last"
    )
    chosen = pd.concat([full.assign(partial=False), part.assign(partial=True)])
    n = rows[rows["count_kind"] != "cumulative"].groupby("year").size()
    chosen = chosen.assign(figures_given=chosen["year"].map(n))
    columns = ["year", "persons", "count_kind", "period_end", "partial", "figures_given", "source_id"]
    return chosen.sort_values("year")[columns].reset_index(drop=True)


def china_shares(kandas: pd.DataFrame) -> pd.DataFrame:
    """Every share of returnees from China that a source gives for a year or part of one."""
    rows = kandas[kandas["china_share_pct"].notna() & (kandas["count_kind"] != "cumulative")]
    return rows[["year", "count_kind", "period_end", "china_share_pct", "source_id"]].sort_values(
        ["year", "period_end"]
    )


# -- people crossing -------------------------------------------------------------


def annual(flows: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """An indicator's whole-year figures, one row per source, with the spread per year."""
    rows = flows[(flows["indicator"] == indicator) & (flows["period"] == "year")]
    spread = rows.groupby("year")["value"].agg(["min", "max", "size"])
    table = rows.merge(spread, left_on="year", right_index=True)
    table = table.rename(columns={"min": "year_lowest", "max": "year_highest", "size": "year_sources"})
    return table.sort_values(["year", "value"]).reset_index(drop=True)


# -- the essay's claims ------------------------------------------------------------


def essay_claims(contention: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The seed essay's claims on Kazakh–Uighur ties and Xinjiang, judged with the society tables."""
    listed = episodes(contention)
    xinjiang = listed[listed["issues"].str.contains("xinjiang")]
    mentions_uyghurs = contention["about"].str.contains("Uyghur|Uighur", case=False)
    uyghur_episodes = contention.loc[mentions_uyghurs, "contention_id"].nunique()
    statements = events[(events["theme"] == "society") & (events["type"] == "statement")]
    on_kazakhs = statements["title"].str.contains(
        "ethnic Kazakhs|Kazakh citizens|dual nationals|picketers", regex=True
    )
    rows = []
    if xinjiang.empty:
        said, verdict = "no episode in the table concerns Xinjiang", verdicts.WRONG
    else:
        said = (
            f"{len(xinjiang)} of {len(listed)} episodes of contention concern Xinjiang, the first in "
            f"{xinjiang['year'].min()}; they are about ethnic Kazakhs held there and their relatives, and only "
            f"{uyghur_episodes} mentions Uyghurs; {statements.loc[on_kazakhs, 'event_id'].nunique()} official "
            "statements in the timeline concern ethnic Kazakhs in China or their relatives"
        )
        verdict = verdicts.IMPRECISE if uyghur_episodes < len(xinjiang) else verdicts.HOLDS
    rows.append(
        ("Ties between Kazakhs and the Uighurs of Xinjiang are a potential source of conflict", said, verdict)
    )
    separatist = contention["about"].str.contains("separatis", case=False).sum()
    rows.append(
        (
            "These ties could influence a Uighur separatist movement",
            f"a forecast, not a fact; {separatist} rows of the contention table mention separatism",
            verdicts.UNCHECKABLE,
        )
    )
    return pd.DataFrame(rows, columns=["essay claims", "the data say", "verdict"])
