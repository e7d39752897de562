import pandas as pd

from cnkz.display.text import show_date


def test_a_date_is_written_only_as_precisely_as_its_source_knows_it():
    date = pd.Timestamp("2005-07-04")
    assert show_date(date, "day") == "4 July 2005"
    assert show_date(date, "month") == "July 2005"
    assert show_date(date, "year") == "2005"
