"""The claims ledger: every checkable claim of the seed essay, from every chapter, in one table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import energy, history, osce, security, trade
from .tables import load

CHAPTERS = ["history", "security", "energy", "trade", "osce"]


def claims(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Each chapter's claims table, with the chapter named and one verdict column.

    The OSCE chapter judges claims twice (today and 2010); the ledger keeps
    today's verdict and notes the 2010 one where it differs.
    """
    def table(name):
        return load(name, data_dir)

    parts = {
        "history": history.essay_claims(table("events"), table("border_texts"), table("border_length"), table("sources")),
        "security": security.essay_claims(table("events"), table("sco_membership")),
        "energy": energy.essay_claims(table("energy_production"), table("upstream_deals")),
        "trade": trade.essay_claims(table("trade"), table("trade_products")),
        "osce": _osce(table),
    }
    frames = [part.assign(chapter=chapter)[["chapter", "essay claims", "the data say", "verdict"]]
              for chapter, part in parts.items()]
    return pd.concat(frames, ignore_index=True)


def _osce(table) -> pd.DataFrame:
    judged = osce.essay_claims(table("osce_states"), table("osce_chairmanships"), table("osce_summits"),
                               table("osce_staff"), table("country_facts"), table("democracy_scores"))
    differs = judged["verdict today"] != judged["verdict for 2010"]
    judged["the data say"] = judged["the data say"].where(
        ~differs, judged["the data say"] + " (verdict for 2010: " + judged["verdict for 2010"] + ")")
    return judged.rename(columns={"verdict today": "verdict"})


def tally(ledger: pd.DataFrame) -> pd.DataFrame:
    """How many claims got each verdict, by chapter."""
    return ledger.groupby(["chapter", "verdict"]).size().unstack(fill_value=0).reindex(CHAPTERS)
