"""The trade chapter's questions: each side's figures, mirror gaps, partner shares, scale."""

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


def mirror(trade: pd.DataFrame, flow: str = "total") -> pd.DataFrame:
    """Years both sides report: China's figure, Kazakhstan's, and China's as a multiple of Kazakhstan's.

    Mirror flows swap direction: China's exports to Kazakhstan are Kazakhstan's imports from China.
    """
    swap = {"exports": "imports", "imports": "exports", "total": "total"}
    china = annual(trade, "CHN", "KAZ", flow)["value"].rename(f"china_reports_{flow}")
    kazakhstan = annual(trade, "KAZ", "CHN", swap[flow])["value"].rename(f"kazakhstan_reports_{swap[flow]}")
    table = pd.concat([china, kazakhstan], axis=1).dropna()
    table["china_over_kazakhstan"] = (table.iloc[:, 0] / table.iloc[:, 1]).round(2)
    return table


def partner_shares(trade: pd.DataFrame, partners: tuple[str, ...] = ("CHN", "RUS")) -> pd.DataFrame:
    """Each partner's share of Kazakhstan's trade with the world, by year and flow, from one reporter (KAZ)."""
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
    """Bilateral trade as each side reports it, relative to that side's GDP and population."""
    rows = []
    for reporter, partner in [("CHN", "KAZ"), ("KAZ", "CHN")]:
        total = annual(trade, reporter, partner)["value"]
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


RAPID = 0.10  # "rapid expansion": at least 10 % a year, compounded, in current US dollars


def essay_claims(trade: pd.DataFrame, products: pd.DataFrame) -> pd.DataFrame:
    """The seed essay's claims on economic cooperation, each with the data and a verdict."""

    rows = []
    china = annual(trade, "CHN", "KAZ")["value"]
    rate = growth_rate(china)
    rows.append(
        (
            "Commerce between the two expanded rapidly",
            f"China-reported trade rose from US${china.iloc[0]:,.0f}m ({china.index[0]}) to "
            f"US${china.iloc[-1]:,.0f}m ({china.index[-1]}), {rate:.0%} a year",
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
    rows.append(
        (
            "Kazakhstan uses China to balance Russia",
            "an aim, not a figure; in Kazakhstan's own statistics China's share of its trade rose from "
            f"{shares['CHN'].iloc[0]:.1f}% ({shares.index[0]}) to {shares['CHN'].iloc[-1]:.1f}% "
            f"({shares.index[-1]}), Russia's went from {shares['RUS'].iloc[0]:.1f}% to {shares['RUS'].iloc[-1]:.1f}%",
            verdicts.UNCHECKABLE,
        )
    )
    return pd.DataFrame(rows, columns=["essay claims", "the data say", "verdict"])
