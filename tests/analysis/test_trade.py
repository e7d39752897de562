import pandas as pd
import pytest

from cnkz.analysis import trade


def rows(*records):
    columns = [
        "year",
        "reporter",
        "partner",
        "flow",
        "period",
        "value_usd_m",
        "qualifier",
        "reporter_basis",
        "source_id",
    ]
    return pd.DataFrame(records, columns=columns)


TRADE = rows(
    (2013, "CHN", "KAZ", "total", "full_year", 28500.0, None, "stated", "a"),
    (2013, "CHN", "KAZ", "total", "full_year", 28600.0, None, "stated", "b"),
    (2013, "CHN", "KAZ", "total", "jan-jun", 14000.0, None, "stated", "c"),
    (2013, "CHN", "KAZ", "total", "full_year", 30000.0, "more_than", "stated", "d"),
    (2013, "KAZ", "CHN", "total", "full_year", 40000.0, None, "official", "e"),
    (2013, "KAZ", "CHN", "total", "full_year", 22500.0, None, "stated", "f"),
    (2013, "KAZ", "WLD", "total", "full_year", 100000.0, None, "stated", "g"),
    (2013, "KAZ", "RUS", "total", "full_year", 20000.0, None, "stated", "g"),
)


def test_annual_uses_only_plain_full_year_figures_of_the_chosen_basis():
    china = trade.annual(TRADE, "CHN", "KAZ").loc[2013]
    assert (china["value"], china["low"], china["high"], china["sources"]) == (28550.0, 28500.0, 28600.0, 2)
    assert trade.annual(TRADE, "KAZ", "CHN").loc[2013, "value"] == 22500.0  # the official's quote is left out


def test_mirror_compares_the_two_reporters():
    table = trade.mirror(TRADE)
    assert table.loc[2013, "china_over_kazakhstan"] == pytest.approx(1.27, abs=0.005)


def test_partner_shares_name_the_larger_partner():
    shares = trade.partner_shares(TRADE).loc[("total", 2013)]
    assert (shares["CHN"], shares["RUS"], shares["larger"]) == (22.5, 20.0, "CHN")


def test_growth_rate():
    assert trade.growth_rate(pd.Series({2000: 100.0, 2010: 200.0})) == pytest.approx(2**0.1 - 1)


def test_scale_relates_trade_to_the_reporters_own_economy():
    gdp = pd.DataFrame({"country": ["KAZ", "CHN"], "year": [2013, 2013], "gdp_usd_current": [2.25e11, 1e13]})
    people = pd.DataFrame(
        {"country": ["KAZ", "CHN"], "year": [2013, 2013], "population": [17_000_000, 1_360_000_000]}
    )
    table = trade.scale(TRADE, gdp, people).set_index("reporter")
    assert table.loc["KAZ", "pct_of_gdp"] == 10.0
    assert table.loc["CHN", "pct_of_gdp"] == 0.29


def test_deals_by_year_sums_values_per_year_and_sector():
    investments = pd.DataFrame(
        {
            "date": pd.to_datetime(["2005-08-01", "2005-10-01", "2006-10-01"]),
            "sector": ["Energy", "Energy", "Metals"],
            "value_usd_m": [4200.0, 300.0, 1910.0],
        }
    )
    table = trade.deals_by_year(investments)
    assert table.loc[2005, "Energy"] == 4500.0
    assert table.loc[2005, "Metals"] == 0 and table.loc[2006, "Metals"] == 1910.0
