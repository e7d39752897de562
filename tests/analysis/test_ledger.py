import pandas as pd

from cnkz.analysis import ledger


def test_tally_counts_verdicts_per_chapter_in_the_book_order():
    claims = pd.DataFrame(
        {
            "chapter": ["trade", "history", "history", "osce"],
            "verdict": ["holds", "holds", "wrong", "holds"],
        }
    )
    table = ledger.tally(claims)
    assert list(table.index) == ledger.CHAPTERS
    assert table.loc["history", "holds"] == 1 and table.loc["history", "wrong"] == 1
    assert pd.isna(table.loc["security", "holds"])  # a chapter without claims stays empty, not zero
