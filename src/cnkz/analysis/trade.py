"""The trade chapter's questions: each side's figures, mirror gaps, partner shares, scale, finance as stated."""

from __future__ import annotations

import pandas as pd

from . import verdicts

FLOWS = ["exports", "imports", "total"]


def annual(
    trade: pd.DataFrame,
    reporter: str,
    partner: str,
    flow: str = "total",
    bases: tuple[str, ...] = ("stated",),
) -> pd.DataFrame:
    """One figure per full year for one reporter, partner and flow.

    Only full-year rows whose reporter basis is in `bases` and that the source
    gives as a plain figure (no 'more than' or 'almost') count. Where several
    sources give a figure for a year, the book takes their median and keeps
    the lowest and highest, so a reader sees how far they agree.
    """
    rows = trade[
        (trade["reporter"] == reporter)
        & (trade["partner"] == partner)
        & (trade["flow"] == flow)
        & (trade["period"] == "full_year")
        & trade["reporter_basis"].isin(bases)
        & trade["qualifier"].isna()
    ]
    table = rows.groupby("year")["value_usd_m"].agg(value="median", low="min", high="max", sources="size")
    return table.astype({"value": float, "low": float, "high": float})


# Kazakhstan's own figures, in the order the book prefers them: the Bureau of National Statistics'
# annual files first, then Kazakhstan's reports to UN Comtrade as WITS serves them (the 1995-2020
# download, then the 2015-2024 partner extract). An entry is a source id or the start of one.
KAZ_SOURCES = ("bns-", "wits-comtrade-kaz-chn-1995-2020", "wits-comtrade-kaz-partners-2015-2024")

SWAP = {"exports": "imports", "imports": "exports", "total": "total"}


def kazakh_series(
    trade: pd.DataFrame, partner: str = "CHN", ranking: tuple[str, ...] = KAZ_SOURCES
) -> pd.DataFrame:
    """Kazakhstan's reported exports to, imports from and total trade with `partner`: one source per year.

    For each year the first source in `ranking` that gives both a plain full-year exports and a plain
    full-year imports figure is used, and the total is their sum. Sources are never averaged and never
    mixed within a year, so a year's three numbers always come from one file. Two sources matching the
    same ranking entry for the same year are an error, not something to choose between silently.
    """
    rows = trade[
        (trade["reporter"] == "KAZ")
        & (trade["partner"] == partner)
        & (trade["period"] == "full_year")
        & trade["flow"].isin(["exports", "imports"])
        & trade["qualifier"].isna()
    ]
    out = []
    for year, group in rows.groupby("year"):
        for key in ranking:
            pick = group[group["source_id"].str.startswith(key)]
            if pick["flow"].duplicated().any():
                raise ValueError(f"{year}: several sources match {key!r}: {sorted(set(pick['source_id']))}")
            flows = pick.set_index("flow")["value_usd_m"]
            if {"exports", "imports"} <= set(flows.index):
                exports, imports = float(flows["exports"]), float(flows["imports"])
                out.append(
                    {
                        "year": int(year),
                        "exports": exports,
                        "imports": imports,
                        "total": exports + imports,
                        "source_id": pick["source_id"].iloc[0],
                    }
                )
                break
    return pd.DataFrame(out, columns=["year", "exports", "imports", "total", "source_id"]).set_index("year")


def mirror(trade: pd.DataFrame, bases: tuple[str, ...] = ("stated",)) -> pd.DataFrame:
    """Every year and flow that both sides report: China's figure beside Kazakhstan's mirror figure.

    Mirror flows swap direction: China's exports to Kazakhstan are Kazakhstan's imports from China.
    China's side takes the full-year figures of the given reporter `bases` (median where several sources
    agree on a basis); Kazakhstan's side is `kazakh_series`. The gap is China's figure minus Kazakhstan's.
    """
    kazakhstan = kazakh_series(trade, "CHN")
    rows = []
    for flow in FLOWS:
        china = annual(trade, "CHN", "KAZ", flow, bases)["value"]
        for year, value in china.items():
            if year in kazakhstan.index:
                theirs = float(kazakhstan.loc[year, SWAP[flow]])
                rows.append(
                    {
                        "year": int(year),
                        "china_flow": flow,
                        "china_reports": value,
                        "kazakhstan_flow": SWAP[flow],
                        "kazakhstan_reports": theirs,
                        "gap_usd_m": value - theirs,
                        "china_over_kazakhstan": round(value / theirs, 2),
                    }
                )
    return pd.DataFrame(rows).sort_values(["year", "china_flow"]).reset_index(drop=True)


def partners_one_source(
    trade: pd.DataFrame,
    source_id: str = "wits-comtrade-kaz-partners-2015-2024",
    partners: tuple[str, ...] = ("CHN", "RUS", "EU27_GBR"),
) -> pd.DataFrame:
    """Kazakhstan's total trade with each partner from one source, for complete years only.

    A year counts for a partner only if the source gives both its exports and its imports; otherwise the
    total is missing (NaN), never a half.
    """
    rows = trade[
        (trade["source_id"] == source_id) & (trade["reporter"] == "KAZ") & (trade["period"] == "full_year")
    ]
    table = rows.pivot_table(index="year", columns=["partner", "flow"], values="value_usd_m", aggfunc="first")
    totals = {partner: table[(partner, "exports")] + table[(partner, "imports")] for partner in partners}
    return pd.DataFrame(totals).rename_axis(columns="partner")


def partner_shares(
    trade: pd.DataFrame, partners: tuple[str, ...] = ("CHN", "RUS"), source_prefix: str = "bns-"
) -> pd.DataFrame:
    """Each partner's share of Kazakhstan's trade with the world, by year and flow.

    Numerator and denominator come from the same files: the statistics bureau's (`source_prefix`), which
    alone give Kazakhstan's trade with the world.
    """
    trade = trade[trade["source_id"].str.startswith(source_prefix)]
    rows = []
    for flow in FLOWS:
        world = annual(trade, "KAZ", "WLD", flow)["value"]
        for partner in partners:
            value = annual(trade, "KAZ", partner, flow)["value"]
            share = (100 * value / world).dropna()
            rows += [
                {"year": year, "flow": flow, "partner": partner, "share_pct": round(pct, 1)}
                for year, pct in share.items()
            ]
    table = pd.DataFrame(rows).pivot(index=["flow", "year"], columns="partner", values="share_pct")
    table["larger"] = table[list(partners)].idxmax(axis=1)
    return table


def scale(trade: pd.DataFrame, gdp: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    """Bilateral trade as each side reports it, relative to that side's GDP and population.

    Kazakhstan's side is its complete series (`kazakh_series`); China's, its stated full-year totals.
    """
    rows = []
    totals = {"CHN": annual(trade, "CHN", "KAZ")["value"], "KAZ": kazakh_series(trade, "CHN")["total"]}
    for reporter in ["CHN", "KAZ"]:
        total = totals[reporter]
        own_gdp = gdp[gdp["country"] == reporter].set_index("year")["gdp_usd_current"]
        people = population[population["country"] == reporter].set_index("year")["population"]
        for year, value in total.items():
            if year in own_gdp.index and pd.notna(own_gdp[year]):
                rows.append(
                    {
                        "reporter": reporter,
                        "year": year,
                        "trade_usd_m": value,
                        "pct_of_gdp": round(100 * value * 1e6 / float(own_gdp[year]), 2),
                        "usd_per_person": round(value * 1e6 / float(people[year]), 1),
                    }
                )
    return pd.DataFrame(rows)


def growth_rate(series: pd.Series) -> float:
    """Compound annual growth rate between the first and last year of a series."""
    series = series.dropna().sort_index()
    years = series.index[-1] - series.index[0]
    return (series.iloc[-1] / series.iloc[0]) ** (1 / years) - 1


def deals_by_year(investments: pd.DataFrame) -> pd.DataFrame:
    """Value of tracker entries by year and sector, in millions of US dollars."""
    years = investments["date"].dt.year.rename("year")
    return investments.groupby([years, "sector"])["value_usd_m"].sum().unstack(fill_value=0)


def year_spans(years) -> str:
    """Years as runs, '2015–2019, 2023–2024', so a gap in the years is never hidden by a first–last range."""
    years = sorted(int(year) for year in years)
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 1 else f"{run[0]}" for run in runs)


RAPID = 0.10  # "rapid expansion": at least 10 % a year, compounded, in current US dollars


def essay_claims(trade: pd.DataFrame, products: pd.DataFrame) -> pd.DataFrame:
    """The seed essay's claims on economic cooperation, each with the data and a verdict."""

    rows = []
    kazakh = kazakh_series(trade, "CHN")["total"]
    rate = growth_rate(kazakh)
    rows.append(
        (
            "Commerce between the two expanded rapidly",
            f"Kazakhstan-reported trade with China rose from US${kazakh.iloc[0]:,.0f}m ({kazakh.index[0]}) to "
            f"US${kazakh.iloc[-1]:,.0f}m ({kazakh.index[-1]}), {rate:.0%} a year compounded, in current dollars",
            verdicts.HOLDS if rate >= RAPID else verdicts.WRONG,
        )
    )

    exports = products[(products["flow"] == "exports")].dropna(subset=["value_usd_m"])
    latest = exports[exports["year"] == exports["year"].max()].sort_values("value_usd_m", ascending=False)
    raw = latest["product"].str.contains("oil|gas|ore|uranium|metal", case=False)
    rows.append(
        (
            "Cooperation centres on Kazakhstan's oil, gas and minerals",
            f"{latest['year'].iloc[0]} exports to China with a value: " + "; ".join(latest["product"]),
            verdicts.HOLDS if raw.all() else verdicts.IMPRECISE,
        )
    )

    shares = partner_shares(trade).loc["total"]
    three = partners_one_source(trade).dropna()
    ahead = three.index[three["CHN"] > three["RUS"]]
    rows.append(
        (
            "Kazakhstan uses China to balance Russia",
            "an aim, not a figure; in Kazakhstan's own statistics China's share of its trade rose from "
            f"{shares['CHN'].iloc[0]:.1f}% ({shares.index[0]}) to {shares['CHN'].iloc[-1]:.1f}% "
            f"({shares.index[-1]}), Russia's went from {shares['RUS'].iloc[0]:.1f}% to {shares['RUS'].iloc[-1]:.1f}%; "
            f"in Kazakhstan's reports to UN Comtrade, of the complete years ({year_spans(three.index)}) "
            f"China's trade exceeded Russia's in {', '.join(map(str, ahead)) or 'none'}",
            verdicts.UNCHECKABLE,
        )
    )
    return pd.DataFrame(rows, columns=["essay claims", "the data say", "verdict"])


def _figure(value: float) -> str:
    """A figure as a reader writes it: thousands separated, no trailing '.0' ('260,000', '4.4')."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.15g}"


def as_stated(
    claims: pd.DataFrame, topic: str, unit: str, kinds: tuple[str, ...] | None = None
) -> pd.DataFrame:
    """The `finance_claims` rows of one topic and unit, oldest first, with the figure as the source words it."""
    rows = claims[(claims["topic"] == topic) & (claims["unit"] == unit)]
    if kinds is not None:
        rows = rows[rows["what"].isin(kinds)]
    words = {"more_than": "more than ", "nearly": "nearly ", "about": "about "}
    stated = rows["qualifier"].map(words).fillna("") + rows["value"].map(_figure)
    return rows.assign(as_stated=stated).sort_values(["date", "source_id"]).reset_index(drop=True)
