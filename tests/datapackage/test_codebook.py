from cnkz.datapackage import codebook


def test_coverage_counts_rows_sources_and_the_span_of_years(valid_package):
    table = codebook.coverage(valid_package).set_index("table")
    assert table.loc["events", "rows"] == 3 and table.loc["events", "sources cited"] == 2
    assert (table.loc["events", "first year"], table.loc["events", "last year"]) == (1992, 2010)
    assert table.loc["exercises", "first year"] == 2010  # a `year` column counts too
