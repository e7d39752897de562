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
    (2013, "CHN", "KAZ", "exports", "full_year", 12500.0, None, "stated", "a"),
    (2013, "CHN", "KAZ", "imports", "full_year", 16000.0, None, "stated", "a"),
    (2013, "KAZ", "CHN", "total", "full_year", 40000.0, None, "official", "e"),
    (2013, "KAZ", "CHN", "total", "full_year", 22500.0, None, "stated", "bns-2013"),
    (2013, "KAZ", "CHN", "exports", "full_year", 14500.0, None, "stated", "bns-2013"),
    (2013, "KAZ", "CHN", "imports", "full_year", 8000.0, None, "stated", "bns-2013"),
    (2013, "KAZ", "CHN", "exports", "full_year", 14400.0, None, "stated", "wits-comtrade-kaz-chn-1995-2020"),
    (2013, "KAZ", "CHN", "imports", "full_year", 8400.0, None, "stated", "wits-comtrade-kaz-chn-1995-2020"),
    (2012, "KAZ", "CHN", "exports", "full_year", 16000.0, None, "stated", "wits-comtrade-kaz-chn-1995-2020"),
    (2012, "KAZ", "CHN", "imports", "full_year", 7500.0, None, "stated", "wits-comtrade-kaz-chn-1995-2020"),
    (2011, "KAZ", "CHN", "exports", "full_year", 16000.0, None, "stated", "wits-comtrade-kaz-chn-1995-2020"),
    (2013, "KAZ", "WLD", "total", "full_year", 100000.0, None, "stated", "bns-2013"),
    (2013, "KAZ", "RUS", "total", "full_year", 20000.0, None, "stated", "bns-2013"),
    (2013, "KAZ", "RUS", "total", "full_year", 99000.0, None, "stated", "not-the-bureau"),
)


def test_annual_uses_only_plain_full_year_figures_of_the_chosen_basis():
    china = trade.annual(TRADE, "CHN", "KAZ").loc[2013]
    assert (china["value"], china["low"], china["high"], china["sources"]) == (28550.0, 28500.0, 28600.0, 2)
    assert trade.annual(TRADE, "KAZ", "CHN").loc[2013, "value"] == 22500.0  # the official's quote is left out


def test_kazakh_series_takes_one_source_per_year_by_rank_and_needs_both_flows():
    series = trade.kazakh_series(TRADE)
    assert series.loc[2013, "source_id"] == "bns-2013"  # the bureau outranks WITS
    assert series.loc[2013, "total"] == 22500.0  # 14500 + 8000, not a median with WITS
    assert series.loc[2012, "total"] == 23500.0
    assert 2011 not in series.index  # exports alone are not a year's trade


def test_kazakh_series_refuses_two_sources_under_one_rank():
    doubled = pd.concat(
        [TRADE, rows((2013, "KAZ", "CHN", "exports", "full_year", 1.0, None, "stated", "bns-other"))]
    )
    with pytest.raises(ValueError, match="several sources"):
        trade.kazakh_series(doubled)


def test_mirror_compares_each_flow_with_its_mirror():
    table = trade.mirror(TRADE).set_index(["year", "china_flow"])
    exports = table.loc[(2013, "exports")]
    assert exports["kazakhstan_flow"] == "imports"  # China's exports are Kazakhstan's imports
    assert exports["gap_usd_m"] == 4500.0
    assert table.loc[(2013, "imports"), "gap_usd_m"] == 1500.0
    assert table.loc[(2013, "total"), "china_over_kazakhstan"] == pytest.approx(1.27, abs=0.005)


def test_partners_one_source_leaves_incomplete_years_empty():
    data = rows(
        (2019, "KAZ", "CHN", "exports", "full_year", 8.0, None, "stated", "s"),
        (2019, "KAZ", "CHN", "imports", "full_year", 7.0, None, "stated", "s"),
        (2019, "KAZ", "RUS", "exports", "full_year", 6.0, None, "stated", "s"),
        (2019, "KAZ", "RUS", "imports", "full_year", 14.0, None, "stated", "s"),
        (2020, "KAZ", "CHN", "exports", "full_year", 9.0, None, "stated", "s"),
        (2020, "KAZ", "RUS", "exports", "full_year", 5.0, None, "stated", "s"),
    )
    table = trade.partners_one_source(data, "s", ("CHN", "RUS"))
    assert table.loc[2019, "CHN"] == 15.0
    assert table.loc[2019, "RUS"] == 20.0
    assert pd.isna(table.loc[2020, "CHN"])


def test_partner_shares_name_the_larger_partner_from_the_bureau_only():
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


def test_as_stated_words_the_qualifier_and_sorts_by_date():
    claims = pd.DataFrame(
        {
            "topic": ["t", "t", "t", "u"],
            "date": pd.to_datetime(["2019-01-01", "2016-01-01", "2017-01-01", "2015-01-01"]),
            "what": ["announced", "announced", "completed", "announced"],
            "value": [27.0, 26.5, 4.0, 1.0],
            "qualifier": ["more_than", None, None, None],
            "unit": ["USD bn", "USD bn", "count", "USD bn"],
            "source_id": ["x", "y", "z", "w"],
        }
    )
    table = trade.as_stated(claims, "t", "USD bn")
    assert list(table["as_stated"]) == ["26.5", "more than 27"]
    assert trade._figure(260000.0) == "260,000" and trade._figure(1500000.0) == "1,500,000"
    assert trade._figure(14.87) == "14.87"
    assert trade.as_stated(claims, "t", "count", kinds=("announced",)).empty


def test_year_spans_shows_gaps():
    assert trade.year_spans([2024, 2015, 2016, 2017, 2023, 2019]) == "2015–2017, 2019, 2023–2024"
    assert trade.year_spans([]) == ""
