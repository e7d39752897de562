"""The society tables' own rules: a bad cell in each is reported as `file:row: field: message`.

Each case copies the real package, breaks one cell of one row, and expects exactly one problem.
"""

import csv
import io
import shutil
from pathlib import Path

import pytest

from cnkz import validate

DATA = Path(__file__).resolve().parents[2] / "data"

# table, data row (1 = first row after the header), field, bad value, words the message must contain
CASES = [
    ("opinion", 1, "stance", "neutral", "'neutral' is not one of ['positive', 'negative', 'choice']"),
    ("opinion", 1, "wording", "verbatim", "is not one of ['quoted', 'paraphrase']"),
    ("opinion", 1, "population", "students", "'students' is not one of"),
    ("opinion", 1, "about", "China", "does not match pattern"),
    ("opinion", 5, "sample_size", "0", "'0' is below minimum 1"),
    ("opinion", 5, "fieldwork_date", "2020-02-01", "precision 'year' but names a month or day"),
    ("contention", 1, "kind", "riot", "'riot' is not one of"),
    ("contention", 1, "issues", "land;economy", "does not match pattern"),
    ("contention", 1, "size_low", "-3", "'-3' is below minimum 0"),
    ("contention", 1, "size_high", "about 2000", "is not an integer"),
    ("contention", 1, "date", "2016-02-30", "is not a real calendar date"),
    ("kandas_arrivals", 1, "count_kind", "total", "'total' is not one of"),
    ("kandas_arrivals", 1, "china_share_pct", "140", "'140' is above maximum 100"),
    ("kandas_arrivals", 1, "origin", "KGZ", "'KGZ' is not one of ['CHN', 'ALL']"),
    ("people_flows", 1, "period", "decade", "'decade' is not one of"),
    ("people_flows", 1, "unit", "tourists", "'tourists' is not one of"),
    ("people_flows", 1, "value", "-1", "'-1' is below minimum 0"),
]


def _break(data: Path, table: str, row: int, field: str, value: str) -> None:
    path = data / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        header = list(rows[0])
    rows[row - 1][field] = value
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.mark.parametrize("table, row, field, value, words", CASES)
def test_a_bad_cell_in_a_society_table_is_named_by_file_row_and_field(
    tmp_path, table, row, field, value, words
):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    _break(data, table, row, field, value)
    problems = validate(data, only={table})
    assert len(problems) == 1, [str(p) for p in problems]
    problem = problems[0]
    assert (Path(problem.path).name, problem.row, problem.field) == (f"{table}.csv", row + 1, field)
    assert words in problem.message


def test_the_society_tables_are_valid():
    assert validate(DATA, only={"opinion", "contention", "kandas_arrivals", "people_flows"}) == []
