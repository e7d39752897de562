"""One value from several sources: the rules chapters share when sources disagree."""

from __future__ import annotations

import pandas as pd

from ..datapackage import PRECISIONS


def date_disagreements(events: pd.DataFrame) -> pd.DataFrame:
    """Events that two or more sources date incompatibly: one row per (event, source).

    Dates are read as the periods their precision names ("July 1998" is the
    whole month), as `agreed_dates` reads them: "1998" and "3 July 1998" agree,
    "3 June 1998" and "3 July 1998" do not. An event is listed if its sources'
    periods have no day in common. `spread_days` is the gap between the
    earliest and latest date given, so the widest disagreements sort first.
    """
    starts = _period_start(events["date"], events["date_precision"])
    ends = _period_end(starts, events["date_precision"])
    by_event = events["event_id"]
    incompatible = starts.groupby(by_event).transform("max") > ends.groupby(by_event).transform("min")
    dates = events.groupby("event_id")["date"]
    spread = (dates.transform("max") - dates.transform("min")).dt.days
    disputed = events.assign(spread_days=spread)[incompatible]
    columns = ["event_id", "title", "date", "date_precision", "source_id", "spread_days"]
    return disputed.sort_values(["spread_days", "event_id", "date"], ascending=[False, True, True])[columns]


PRECISION_RANK = {precision: rank for rank, precision in enumerate(PRECISIONS)}
_PERIOD = {"day": "D", "month": "M", "year": "Y"}


def _period_start(dates: pd.Series, precisions: pd.Series) -> pd.Series:
    """Each date cut back to the start of the period its precision names (a month to its 1st, a year to 1 January)."""
    out = dates.copy()
    for precision, code in _PERIOD.items():
        mask = (precisions == precision) & dates.notna()
        if mask.any():
            out[mask] = dates[mask].dt.to_period(code).dt.start_time
    return out


def _period_end(starts: pd.Series, precisions: pd.Series) -> pd.Series:
    """The last day of the period that starts on each date (the day itself for a day-precise date)."""
    out = starts.copy()
    for precision, offset in (("month", pd.offsets.MonthEnd(0)), ("year", pd.offsets.YearEnd(0))):
        mask = (precisions == precision) & starts.notna()
        if mask.any():
            out[mask] = starts[mask] + offset
    return out


def agreed_dates(
    rows: pd.DataFrame,
    key: str | list[str],
    date: str = "date",
    precision: str = "date_precision",
    tie_break: str = "earliest",
) -> pd.DataFrame:
    """One date per `key` from rows that several sources date, by a stated rule.

    The rule, in order:

    1. **Votes.** Each distinct date a source gives (with its precision) is a
       candidate. A source votes for a candidate if it gives that date, or if
       it gives a coarser date that contains it: "July 1998" votes for
       "3 July 1998", "1998" for both. A finer date does not vote for a
       coarser one. The candidate with the most votes wins, so one precise
       outlier cannot override several sources that agree.
    2. **Precision.** Among candidates with equal votes, the most precise wins.
    3. **Tie.** If that still ties, the earliest date (or the latest, with
       `tie_break="latest"`).

    The result keeps a row that gives the chosen date and adds `n_sources`
    (distinct sources for the key; rows, where the table has no source_id), `n_dates` (distinct dates given) and `n_agreeing`
    (the votes the chosen date got), so a reader sees how much the sources
    agreed. Keys whose rows give no date at all keep their first row.
    """
    keys = [key] if isinstance(key, str) else list(key)
    if tie_break not in ("earliest", "latest"):
        raise ValueError(f"tie_break must be 'earliest' or 'latest', not {tie_break!r}")
    rows = rows.reset_index(drop=True)
    dated = rows[rows[date].notna()]
    candidates = dated[keys + [date, precision]].drop_duplicates()
    # a source votes once for a date, however many of its rows give it
    voter_id = ["source_id"] if "source_id" in dated else []
    voters = dated[keys + [date, precision] + voter_id].drop_duplicates()
    voters = voters.rename(columns={date: "_vdate", precision: "_vprec"})
    pairs = candidates.merge(voters, on=keys, how="inner")
    coarser_or_same = pairs["_vprec"].map(PRECISION_RANK) >= pairs[precision].map(PRECISION_RANK)
    contains = _period_start(pairs[date], pairs["_vprec"]) == pairs["_vdate"]
    pairs["_votes"] = (coarser_or_same & contains).astype(int)
    if voter_id:  # one vote per source, even if it gives two dates inside the candidate's period
        pairs = pairs.sort_values("_votes", ascending=False).drop_duplicates(
            keys + [date, precision, "source_id"]
        )
    votes = pairs.groupby(keys + [date, precision], dropna=False)["_votes"].sum().reset_index()
    votes["_rank"] = votes[precision].map(PRECISION_RANK)
    votes = votes.sort_values(
        keys + ["_votes", "_rank", date],
        ascending=[True] * len(keys) + [False, True, tie_break == "earliest"],
    ).drop_duplicates(keys)
    chosen = dated.merge(votes, on=keys + [date, precision], how="inner").drop_duplicates(keys)
    undated = rows[~rows.set_index(keys).index.isin(chosen.set_index(keys).index)].drop_duplicates(keys)
    chosen = pd.concat([chosen, undated.assign(_votes=0)], ignore_index=True)
    chosen = chosen.rename(columns={"_votes": "n_agreeing"}).drop(columns=["_rank"], errors="ignore")
    chosen = chosen.sort_values(keys).set_index(keys)
    grouped = rows.groupby(keys)
    chosen["n_sources"] = grouped["source_id"].nunique() if "source_id" in rows else grouped.size()
    chosen["n_dates"] = grouped[date].nunique()
    n_agreeing = chosen.pop("n_agreeing").astype(int)
    chosen["n_agreeing"] = n_agreeing
    return chosen.reset_index()


def source_spread(
    rows: pd.DataFrame, keys: str | list[str], value: str, low: str = "lowest", high: str = "highest"
) -> pd.DataFrame:
    """For each key, how many sources give `value`, the lowest and highest they give, and high ÷ low."""
    given = rows.dropna(subset=[value])
    table = given.groupby(keys).agg(
        sources=("source_id", "size"), **{low: (value, "min"), high: (value, "max")}
    )
    table[f"{high}_over_{low}"] = (table[high] / table[low]).round(2)
    return table.reset_index()
