"""The claims ledger: every checkable claim of the seed essay, from every chapter, in one table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..datapackage import load
from . import energy, history, osce, security, society, trade

CHAPTERS = ["history", "security", "energy", "trade", "osce", "society"]


def all_claims(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Each chapter's claims table, with the chapter named and one verdict column.

    The OSCE chapter judges claims twice (today and 2010); the ledger keeps
    today's verdict and notes the 2010 one where it differs.
    """
    events = load("events", data_dir)
    parts = {
        "history": history.essay_claims(
            events, load("border_texts", data_dir), load("border_length", data_dir), load("sources", data_dir)
        ),
        "security": security.essay_claims(
            events,
            load("sco_membership", data_dir),
            load("coalition_bases", data_dir),
            load("sco_charter_aims", data_dir),
        ),
        "energy": energy.essay_claims(load("energy_production", data_dir), load("upstream_deals", data_dir)),
        "trade": trade.essay_claims(load("trade", data_dir), load("trade_products", data_dir)),
        "osce": _osce(data_dir),
        "society": society.essay_claims(load("contention", data_dir), events),
    }
    frames = [
        part.assign(chapter=chapter)[["chapter", "essay claims", "the data say", "verdict"]]
        for chapter, part in parts.items()
    ]
    return pd.concat(frames, ignore_index=True)


def _osce(data_dir) -> pd.DataFrame:
    judged = osce.essay_claims(
        load("osce_states", data_dir),
        load("osce_chairmanships", data_dir),
        load("osce_summits", data_dir),
        load("osce_staff", data_dir),
        load("country_facts", data_dir),
        load("democracy_scores", data_dir),
    )
    differs = judged["verdict today"] != judged["verdict for 2010"]
    judged["the data say"] = judged["the data say"].where(
        ~differs, judged["the data say"] + " (verdict for 2010: " + judged["verdict for 2010"] + ")"
    )
    return judged.rename(columns={"verdict today": "verdict"})


def tally(ledger: pd.DataFrame) -> pd.DataFrame:
    """How many claims got each verdict, by chapter."""
    return ledger.groupby(["chapter", "verdict"]).size().unstack(fill_value=0).reindex(CHAPTERS)
