"""Each class of bad input is caught, named by file, row and field, from a real malformed file."""

import subprocess
import sys
from pathlib import Path

import pytest

from cnkz import validate
from cnkz.datapackage.validation import check_cell

# case -> (file, row, field, words the message must contain); rows are file lines, header = 1
MALFORMED = {
    "missing_column": ("events.csv", 1, "place", "column missing from file"),
    "extra_column": ("events.csv", 1, "comment", "column not in schema"),
    "wrong_type": ("exercises.csv", 2, "troops_total", "'many' is not an integer"),
    "impossible_date": ("events.csv", 4, "date", "'2005-02-30' is not a real calendar date"),
    "precision_contradiction": ("events.csv", 4, "date", "precision 'month' but names a day"),
    "duplicate_key": (
        "events.csv",
        5,
        "event_id,source_id",
        "duplicate primary key ('ties', 'wire-a'), first at row 2",
    ),
    "unknown_source": ("events.csv", 4, "source_id", "'wire-z' is not in"),
    "negative_value": ("exercises.csv", 2, "troops_total", "'-5' is below minimum 0"),
    "outside_enum": ("events.csv", 4, "theme", "'economy' is not one of ['history', 'security']"),
    "empty_required": ("events.csv", 4, "title", "required value is empty"),
    "ragged_row": ("events.csv", 4, None, "row has 8 cells but the header has 7"),
    "not_utf8": ("events.csv", 3, None, "not valid UTF-8"),
    "undescribed_table": ("notes.csv", None, None, "not described in datapackage.json"),
    "unknown_listed_source": ("notes.csv", 3, "source_ids", "'wire-q' is not in"),
    "field_without_description": (
        "datapackage.json",
        None,
        "exercises.troops_total",
        "field has no description",
    ),
}


def test_the_valid_fixture_has_no_problems(valid_package):
    assert validate(valid_package) == []


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_each_malformed_fixture_gives_exactly_its_problem(make_package, tmp_path, case):
    problems = validate(make_package(case))
    file, row, field, words = MALFORMED[case]
    assert len(problems) == 1, [str(p) for p in problems]
    problem = problems[0]
    assert (Path(problem.path).name, problem.row, problem.field) == (file, row, field)
    assert words in problem.message


def test_problem_prints_as_file_row_field_message(make_package, tmp_path):
    data = make_package("negative_value")
    line = str(validate(data)[0])
    assert line == f"{(data / 'exercises.csv').as_posix()}:2: troops_total: '-5' is below minimum 0"


def test_every_malformed_case_is_listed():
    on_disk = {path.name for path in (Path(__file__).parents[1] / "fixtures" / "malformed").iterdir()}
    assert on_disk == set(MALFORMED)


def test_several_problems_are_all_reported(make_package, tmp_path):
    data = make_package()
    (data / "exercises.csv").write_text(
        "name,year,troops_total,share_kaz,hosted,source_id\n"
        "Drill,2010,-1,1.5,yes,wire-a\n"
        "Drill,20100,3,0.1,false,nobody\n",
        encoding="utf-8",
    )
    got = {(p.row, p.field) for p in validate(data)}
    assert got == {(2, "troops_total"), (2, "share_kaz"), (2, "hosted"), (3, "year"), (3, "source_id")}


@pytest.mark.parametrize(
    "value, field, expected",
    [
        (" Astana", {"type": "string"}, "leading or trailing spaces"),
        ("1e3", {"type": "number"}, None),
        ("NaN", {"type": "number"}, "is not a number"),
        ("2.5", {"type": "integer"}, "is not an integer"),
        ("2024-13-01", {"type": "date"}, "is not a real calendar date"),
        ("24-01-01", {"type": "date"}, "is not a date"),
        ("1990-12-31", {"type": "date", "constraints": {"minimum": "1991-01-01"}}, "below minimum"),
        ("TRUE", {"type": "boolean"}, "is not a boolean"),
        ("kz", {"type": "string", "constraints": {"pattern": "[A-Z]{3}"}}, "does not match pattern"),
        ("", {"type": "integer"}, None),
        ("2026", {"type": "year", "constraints": {"enum": [2021, 2026]}}, None),
        ("2025", {"type": "year", "constraints": {"enum": [2021, 2026]}}, "is not one of"),
    ],
)
def test_check_cell(value, field, expected):
    message = check_cell(value, field)
    assert (message is None) if expected is None else (expected in message)


def test_precision_year_must_be_first_of_january(make_package, tmp_path):
    data = make_package()
    path = data / "sources.csv"
    path.write_text(path.read_text().replace("2010-01-01,year", "2010-06-01,year"), encoding="utf-8")
    (problem,) = validate(data)
    assert (problem.row, problem.field) == (3, "published")
    assert "precision 'year'" in problem.message


def test_byte_order_mark_is_reported(make_package, tmp_path):
    data = make_package()
    path = data / "sources.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    (problem,) = validate(data)
    assert "byte-order mark" in problem.message


def test_command_line_prints_problems_and_exits_1(make_package, tmp_path):
    data = make_package("outside_enum")
    run = subprocess.run(
        [sys.executable, "-m", "cnkz", "validate", str(data)], capture_output=True, text=True
    )
    assert run.returncode == 1
    assert (
        run.stdout.strip()
        == f"{(data / 'events.csv').as_posix()}:4: theme: 'economy' is not one of ['history', 'security']"
    )


def test_command_line_exits_0_when_clean(valid_package):
    run = subprocess.run(
        [sys.executable, "-m", "cnkz", "validate", str(valid_package)], capture_output=True, text=True
    )
    assert (run.returncode, run.stdout) == (0, "")


def test_a_list_of_source_ids_is_checked_item_by_item(make_package, tmp_path):
    import json

    data = make_package()
    descriptor = json.loads((data / "datapackage.json").read_text())
    descriptor["resources"].append(
        {
            "name": "terms",
            "path": "terms.csv",
            "title": "Terms",
            "description": "Glossary.",
            "schema": {
                "fields": [
                    {"name": "term", "type": "string", "description": "Term."},
                    {
                        "name": "source_ids",
                        "type": "string",
                        "description": "Sources.",
                        "listOf": {"resource": "sources", "field": "id", "separator": ";"},
                    },
                ]
            },
        }
    )
    (data / "datapackage.json").write_text(json.dumps(descriptor))
    (data / "terms.csv").write_text("term,source_ids\nAstana,wire-a;paper-b\nAlmaty,wire-a;nobody\n")
    (problem,) = validate(data)
    assert (Path(problem.path).name, problem.row, problem.field) == ("terms.csv", 3, "source_ids")
    assert "'nobody' is not in" in problem.message


# The malformed cases that Frictionless 5.21 does not report, and why the book has its own validator.
ONLY_OURS = {
    "field_without_description": "a field without a description is valid Table Schema",
    "not_utf8": "Frictionless guesses another encoding and reads the file",
    "precision_contradiction": "precisionField is the book's own rule",
    "undescribed_table": "a CSV file the descriptor does not name is outside the package",
    "unknown_listed_source": "listOf (several keys in one cell) is the book's own rule",
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_frictionless_misses_exactly_the_cases_only_the_book_checks(make_package, case):
    from frictionless import validate as frictionless_validate

    report = frictionless_validate(str(make_package(case) / "datapackage.json"))
    assert report.valid == (case in ONLY_OURS), report.flatten(["rowNumber", "fieldName", "type"])


def test_a_commissioned_date_needs_its_kind_and_a_kind_needs_a_date(tmp_path):
    """pipelines.commissioned mixes kinds of date unless each row says which (commissioned_kind)."""
    import csv
    import shutil

    from cnkz.datapackage.descriptor import default_data_dir

    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    with open(data / "pipelines.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    dated = next(n for n, row in enumerate(rows) if row["commissioned"])
    undated = next(n for n, row in enumerate(rows) if not row["commissioned"])
    rows[dated]["commissioned_kind"], rows[undated]["commissioned_kind"] = "", "first_flow"
    with open(data / "pipelines.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    problems = [p for p in validate(data) if p.field == "commissioned_kind"]
    assert [(p.row, "empty" in p.message) for p in problems] == sorted(
        [(dated + 2, True), (undated + 2, False)]
    )
