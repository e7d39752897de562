"""Verdicts on the essay's claims, computed from the data.

A verdict is one of: holds, holds where checkable (true for every case the data
can check, with some cases the data cannot check), imprecise, wrong, cannot be checked.
"""

from __future__ import annotations

import pandas as pd

from ..datapackage import PRECISIONS

HOLDS, IMPRECISE, WRONG, UNCHECKABLE = "holds", "imprecise", "wrong", "cannot be checked"
HOLDS_WHERE_CHECKABLE = "holds where checkable"


def date_claim(claimed: str, actual: pd.Timestamp | None, actual_precision: str = "day") -> str:
    """Does a claimed date ('1994', '1994-04' or '1994-04-26') match the data's date at the claim's precision?

    If the data know the date less precisely than the claim states it, the claim cannot be checked.
    """
    if actual is None or pd.isna(actual):
        return UNCHECKABLE
    claim_precision = {4: "year", 7: "month", 10: "day"}[len(claimed)]
    if PRECISIONS.index(actual_precision) > PRECISIONS.index(claim_precision):
        return UNCHECKABLE
    return HOLDS if actual.strftime("%Y-%m-%d").startswith(claimed) else WRONG


def number_claim(claimed: float, values: pd.Series, tolerance: float = 0.01) -> str:
    """A number against every source's figure: holds if all sources agree with it (within
    `tolerance`, relative), imprecise if it is one of several figures sources give,
    wrong if no source gives it."""
    values = pd.Series(values).dropna()
    if values.empty:
        return UNCHECKABLE
    close = (values - claimed).abs() <= tolerance * abs(claimed)
    if close.all():
        return HOLDS
    return IMPRECISE if close.any() else WRONG


def parties_claim(claimed: set[str], actual: set[str]) -> str:
    """Holds if the claim names exactly the parties; imprecise if it names some and omits others."""
    if claimed == actual:
        return HOLDS
    return IMPRECISE if claimed < actual else WRONG
