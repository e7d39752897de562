import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from cnkz import load
from cnkz.analysis import energy


def test_revisions_compare_the_same_value_across_editions():
    production = pd.DataFrame(
        {
            "country": ["KAZ", "KAZ", "KAZ"],
            "year": [2015, 2015, 2016],
            "indicator": ["gas_production_bcm"] * 3,
            "unit": ["Billion cubic metres"] * 3,
            "edition": [2021, 2026, 2026],
            "value": [31.89, 27.14, 30.0],
        }
    )
    table = energy.revisions(production)
    assert len(table) == 1 and table.loc[0, "change_pct"] == -14.9


def test_uranium_share_uses_the_newest_page_version():
    uranium = pd.DataFrame(
        {
            "year": [2017, 2017, 2019],
            "kaz_production_tu": [23321, 23391, 22808],
            "world_production_tu": [59462, 60514, 54742],
            "source_id": ["old", "new", "new"],
        }
    )
    table = energy.uranium_share(uranium).set_index("year")
    assert table.loc[2017, "source_id"] == "new" and table.loc[2017, "share_pct"] == 38.7


def test_length_spread():
    pipelines = pd.DataFrame(
        {
            "segment_id": ["KCOP-2"] * 3,
            "system": ["oil"] * 3,
            "length_km": [960.0, 1000.0, None],
            "source_id": ["a", "b", "c"],
        }
    )
    row = energy.pipeline_length_spread(pipelines).iloc[0]
    assert (row["sources"], row["shortest"], row["longest"]) == (2, 960.0, 1000.0)


def test_region_outline_has_both_countries_and_draws():
    features = energy.outline_features(load("region_outline"))
    codes = {feature["properties"]["iso_a3"] for feature in features}
    assert {"KAZ", "CHN", "RUS"} <= codes
    fig, ax = plt.subplots()
    energy.draw_outline(ax, features, {"KAZ": "#56B4E9"})
    assert len(ax.patches) >= len(features)
    plt.close(fig)


def test_essay_claims_compute_the_growth_verdict():
    production = pd.DataFrame(
        {
            "country": ["CHN", "CHN"],
            "year": [1992, 2025],
            "indicator": ["oil_consumption_tonnes"] * 2,
            "unit": ["Million tonnes"] * 2,
            "edition": [2026, 2026],
            "value": [100.0, 150.0],
        }
    )
    deals = pd.DataFrame(
        {"deal_id": ["PK-2005", "AEI-2005-08-cnpc"], "record_kind": ["reported_deal", "tracker_entry"]}
    )
    table = energy.essay_claims(production, deals)
    assert table.loc[0, "verdict"] == "imprecise"  # 1.5-fold is not "rapid" by the stated rule
    assert table.loc[1, "verdict"] == "holds"
    assert table.loc[1, "the data say"].startswith("1 Chinese")  # tracker entries are not counted as deals


def test_utilisation_is_a_range_over_the_capacities_sources_give():
    flows = pd.DataFrame(
        {
            "year": [2019, 2019],
            "route": ["Kazakhstan–China oil pipeline (Atasu–Alashankou)"] * 2,
            "kind": ["flow", "flow"],
            "unit": ["million tonnes"] * 2,
            "period": ["calendar year", "cumulative since 2006"],
            "period_kind": ["calendar_year", "cumulative"],
            "value": [10.0, 130.0],
        }
    )
    pipelines = pd.DataFrame(
        {
            "segment_id": ["KCOP-2", "KCOP-2", "KCOP-2"],
            "capacity": [10.0, 20.0, 140.0],
            "capacity_unit": [
                "million tonnes per year",
                "million tonnes per year",
                "million barrels per year",
            ],
        }
    )
    row = energy.utilisation(flows, pipelines).iloc[0]
    assert (row["flow_mt"], row["utilisation_low_pct"], row["utilisation_high_pct"]) == (10.0, 50.0, 100.0)


def test_commissioning_dates_never_compare_different_kinds():
    pipelines = pd.DataFrame(
        {
            "segment_id": ["KCOP-2"] * 4,
            "commissioned": pd.to_datetime(["2005-11-01", "2005-12-01", "2006-05-01", "2006-07-01"]),
            "commissioned_precision": ["month"] * 4,
            "commissioned_kind": [
                "construction_completed",
                "construction_completed",
                "in_operation",
                "in_operation",
            ],
            "source_id": ["a", "b", "c", "d"],
        }
    )
    table = energy.commissioning_dates(pipelines).set_index("commissioned_kind")
    assert list(table.index) == ["construction_completed", "in_operation"]  # kinds in project order
    assert table.loc["construction_completed", "latest"] == pd.Timestamp("2005-12-01")
    assert table.loc["in_operation", "earliest"] == pd.Timestamp("2006-05-01")
    assert table.loc["in_operation", "n_sources"] == 2
    assert table.loc["in_operation", "n_agreeing"] == 1  # May and July 2006 disagree


def test_a_year_only_date_agrees_with_a_month_in_that_year():
    pipelines = pd.DataFrame(
        {
            "segment_id": ["CAGP-A"] * 2,
            "commissioned": pd.to_datetime(["2009-01-01", "2009-12-01"]),
            "commissioned_precision": ["year", "month"],
            "commissioned_kind": ["in_operation"] * 2,
            "source_id": ["a", "b"],
        }
    )
    row = energy.commissioning_dates(pipelines).iloc[0]
    assert row["commissioned"] == pd.Timestamp("2009-12-01")
    assert (row["n_dates"], row["n_agreeing"]) == (2, 2)


def test_period_end_spans_the_period_a_vague_date_names():
    dates = pd.to_datetime(pd.Series(["2009-01-01", "2010-02-01", "2011-03-05"]))
    ends = energy.period_end(dates, pd.Series(["year", "month", "day"]))
    assert ends.tolist() == [
        pd.Timestamp("2009-12-31"),
        pd.Timestamp("2010-02-28"),
        pd.Timestamp("2011-03-05"),
    ]


def test_route_length_follows_great_circles():
    # one degree of latitude along a meridian is about 111.2 km; two legs add up
    points = pd.DataFrame({"lon": [70.0, 70.0, 70.0], "lat": [45.0, 46.0, 47.0]})
    assert round(energy.route_length_km(points), 1) == round(2 * 6371.0 * np.radians(1), 1)
    assert energy.route_length_km(points.iloc[:1]) == 0.0


def test_routes_are_drawn_in_point_order_and_map_prefers_the_route_source():
    routes = pd.DataFrame(
        {"route_id": ["r", "r", "r"], "point": [2, 1, 3], "lon": [2.0, 1.0, 3.0], "lat": [0.0, 0.0, 0.0]}
    )
    assert energy.route_lines(routes)["r"]["lon"].tolist() == [1.0, 2.0, 3.0]
    places = pd.DataFrame(
        {
            "name": ["Atyrau", "Atyrau"],
            "lat": [47.1, 47.2],
            "lon": [51.8, 51.9],
            "kind": ["city", "node"],
            "source_id": ["wiki", "gem-goit-2024"],
        }
    )
    assert energy.map_places(places).loc["Atyrau", "lat"] == 47.2


def test_the_places_have_the_pipeline_nodes_issue_14_asks_for():
    names = set(load("places")["name"])
    assert {"Atasu", "Kenkiyak", "Kumkol"} <= names
