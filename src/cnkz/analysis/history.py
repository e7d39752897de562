"""The history chapter's questions: the partnership ladder, visits, the border settlement."""

from __future__ import annotations

import pandas as pd

from ..display.text import show_date
from . import verdicts
from .agreement import agreed_dates
from .chronology import years_since_previous

DIRECTIONS = {("CHN", "KAZ"): "China → Kazakhstan", ("KAZ", "CHN"): "Kazakhstan → China"}


def partnership_ladder(levels: pd.DataFrame) -> pd.DataFrame:
    """One row per level: the agreed date, how many sources support it, the names sources use, and the years since the previous step."""
    ladder = agreed_dates(levels, "level")
    names = levels.groupby("level")["name"].agg(lambda names: sorted(set(names.str.lower())))
    ladder["names_used"] = ladder["level"].map(names).map("; ".join)
    ladder = ladder.sort_values("level")
    ladder["years_since_previous"] = years_since_previous(ladder["date"])
    return ladder[
        [
            "level",
            "date",
            "date_precision",
            "name",
            "names_used",
            "n_sources",
            "n_dates",
            "n_agreeing",
            "years_since_previous",
        ]
    ].reset_index(drop=True)


def visits_per_year(visits: pd.DataFrame, roles: tuple[str, ...] = ("president",)) -> pd.DataFrame:
    """Distinct visits per year and direction by leaders in `roles` (a visit dated by several sources counts once)."""
    chosen = agreed_dates(visits[visits["role"].isin(roles)], "visit_id", date="start_date")
    chosen["direction"] = [DIRECTIONS[pair] for pair in zip(chosen["from_country"], chosen["to_country"])]
    table = (
        chosen.groupby([chosen["start_date"].dt.year.rename("year"), "direction"])
        .size()
        .unstack(fill_value=0)
    )
    years = range(int(table.index.min()), int(table.index.max()) + 1)
    return table.reindex(years, fill_value=0).reindex(columns=list(DIRECTIONS.values()), fill_value=0)


def visits_by_leader(visits: pd.DataFrame) -> pd.DataFrame:
    """Distinct visits by each visitor: how many, in which years, and how sources classed them."""
    chosen = agreed_dates(visits, "visit_id", date="start_date")
    kinds = visits.groupby("visit_id")["kind"].agg(lambda kinds: "/".join(sorted(set(kinds))))
    chosen["kinds_given"] = chosen["visit_id"].map(kinds)
    return (
        chosen.groupby(["visitor", "role", "from_country"])
        .agg(visits=("visit_id", "size"), first=("start_date", "min"), last=("start_date", "max"))
        .reset_index()
        .sort_values(["visits", "visitor"], ascending=[False, True])
        .reset_index(drop=True)
    )


def border_settlement(texts: pd.DataFrame) -> pd.DataFrame:
    """One row per border text: agreed dates of signing, Kazakh ratification and entry into force."""
    steps = agreed_dates(texts, ["text_id", "step"])
    wide = steps.pivot(index="text_id", columns="step", values="date")
    wide = wide.reindex(columns=["signed", "ratified_kaz", "in_force", "completed"])
    titles = texts.groupby("text_id")["title"].first()
    places = texts.dropna(subset=["place"]).groupby("text_id")["place"].first()
    wide.insert(0, "title", titles)
    wide.insert(1, "place", places)
    wide["days_to_force"] = (wide["in_force"] - wide["signed"]).dt.days.astype("Int64")
    return wide.sort_values("signed").reset_index()


def border_length_spread(lengths: pd.DataFrame) -> pd.DataFrame:
    """Each distinct border length with how many sources give it, and how."""
    table = (
        lengths.groupby(["length_km", "qualifier"])
        .agg(sources=("source_id", "size"))
        .reset_index()
        .sort_values("length_km", ascending=False)
        .reset_index(drop=True)
    )
    return table


# The values of events.frame, in the order the frames began, with the names readers know.
FRAMES = {
    "shanghai_five": "Shanghai Five",
    "sco": "Shanghai Cooperation Organisation",
    "china_central_asia": "China–Central Asia summits",
}


def multilateral_frames(events: pd.DataFrame) -> pd.DataFrame:
    """When each multilateral frame began (its earliest event) and how many of its events the timeline records."""
    agreed = agreed_dates(events, "event_id").sort_values("date")
    rows = []
    for frame, name in FRAMES.items():
        meetings = agreed[agreed["frame"] == frame]
        if meetings.empty:
            continue
        first = meetings.iloc[0]
        rows.append(
            {
                "frame": name,
                "began": first["date"],
                "first_event": first["title"],
                "meetings_recorded": len(meetings),
                "last_recorded": meetings["date"].max(),
            }
        )
    return pd.DataFrame(rows)


def essay_claims(
    events: pd.DataFrame, texts: pd.DataFrame, lengths: pd.DataFrame, sources: pd.DataFrame
) -> pd.DataFrame:
    """The seed essay's historical claims, each with what the data say, a computed verdict,
    and the kinds of source behind the evidence (a verdict resting on one encyclopaedia is weak)."""

    agreed = agreed_dates(events, "event_id").set_index("event_id")
    steps = agreed_dates(texts, ["text_id", "step"]).set_index(["text_id", "step"])

    def event(event_id):
        row = agreed.loc[event_id]
        sources = events.loc[events["event_id"] == event_id, "source_id"]
        return row, show_date(row["date"], row["date_precision"]), sources

    def signed(text_id):
        row = steps.loc[(text_id, "signed")]
        sources = texts.loc[(texts["text_id"] == text_id) & (texts["step"] == "signed"), "source_id"]
        return row, f"signed {show_date(row['date'], row['date_precision'])}", sources

    rows = []

    def add(claim, claimed_date, found):
        row, said, sources = found
        verdict = verdicts.date_claim(claimed_date, row["date"], row["date_precision"])
        rows.append((claim, said, verdict, sources))

    add(
        "Diplomatic relations were established on 3 January 1992",
        "1992-01-03",
        event("1992-diplomatic-relations"),
    )
    add("The first boundary agreement was signed in April 1994", "1994-04", signed("1994-border-agreement"))
    add(
        "A supplementary agreement followed in September 1997",
        "1997-09",
        signed("1997-supplementary-agreement"),
    )
    add(
        "The second supplementary agreement was signed in July 1998",
        "1998-07",
        signed("1998-supplementary-agreement"),
    )

    stated = lengths[lengths["qualifier"] == "stated"]
    rows.append(
        (
            "The shared border is 1,700 km long",
            f"sources state {stated['length_km'].min():,.0f} to {stated['length_km'].max():,.2f} km "
            f"({stated['length_km'].nunique()} different figures)",
            verdicts.number_claim(1700, stated["length_km"]),
            stated["source_id"],
        )
    )

    visit, said, visit_sources = event("1993-nazarbayev-visit-beijing")
    rows.append(
        (
            "Nazarbayev made an official visit to Beijing in 1993",
            f"{said}, from {visit_sources.nunique()} {'source' if visit_sources.nunique() == 1 else 'sources'}",
            verdicts.date_claim("1993", visit["date"], visit["date_precision"]),
            visit_sources,
        )
    )

    sco, sco_said, sco_sources = event("2001-sco-founded")
    five, five_said, five_sources = event("1996-shanghai-cbm-agreement")
    rows.append(
        (
            "Both states co-founded the Shanghai Cooperation Organisation in 1996",
            f"SCO founded {sco_said}; the Shanghai Five's first agreement {five_said}",
            verdicts.date_claim("1996", sco["date"], sco["date_precision"]),
            pd.concat([sco_sources, five_sources]),
        )
    )

    table = pd.DataFrame(rows, columns=["essay claims", "the data say", "verdict", "sources"])
    kind = sources.set_index("id")["kind"]
    table["kinds of source"] = table["sources"].map(lambda ids: ", ".join(sorted(set(kind[list(ids)]))))
    table["sources"] = table["sources"].map(lambda ids: ", ".join(sorted(set(ids))))
    return table
