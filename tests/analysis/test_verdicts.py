import pandas as pd

from cnkz.analysis import verdicts


def test_parties_claim_holds_only_for_exactly_the_parties():
    parties = {"CHN", "KAZ", "KGZ", "RUS", "TJK"}
    assert verdicts.parties_claim(set(parties), parties) == verdicts.HOLDS
    assert (
        verdicts.parties_claim({"CHN", "KAZ"}, parties) == verdicts.IMPRECISE
    )  # some named, others left out
    assert verdicts.parties_claim({"CHN", "USA"}, parties) == verdicts.WRONG


def test_a_claim_more_precise_than_the_data_cannot_be_checked():
    assert verdicts.date_claim("1994-04-26", pd.Timestamp("1994-04-01"), "month") == verdicts.UNCHECKABLE
    assert verdicts.date_claim("1994-04", pd.Timestamp("1994-04-01"), "month") == verdicts.HOLDS


def test_a_number_given_by_some_sources_only_is_imprecise():
    assert verdicts.number_claim(1700, pd.Series([1700, 1783])) == verdicts.IMPRECISE
    assert verdicts.number_claim(1700, pd.Series([1700.0, 1705.0])) == verdicts.HOLDS
    assert verdicts.number_claim(1700, pd.Series([1533])) == verdicts.WRONG
