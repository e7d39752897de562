"""Check the data package against its own descriptor.

Every problem becomes one `Problem` naming file, row and field. Nothing is
fixed, dropped or coerced here: the tables on disk are either right or
reported.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .descriptor import DESCRIPTOR, PRECISIONS, resources_by_name

_INTEGER = re.compile(r"-?\d+")
_NUMBER = re.compile(r"-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the package: `file:row: field: message`."""

    path: str
    row: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        row = "-" if self.row is None else str(self.row)
        return f"{self.path}:{row}: {self.field or '-'}: {self.message}"


@dataclass
class CsvTable:
    """A resource read from disk: header, and cells keyed by field, with line numbers."""

    name: str
    path: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]


def validate(data_dir: Path | str, only: set[str] | None = None) -> list[Problem]:
    """Every problem in the package at `data_dir` (or in the resources named in `only`)."""
    data_dir = Path(data_dir)
    try:
        descriptor = json.loads((data_dir / DESCRIPTOR).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [Problem(_show(data_dir / DESCRIPTOR), None, None, f"cannot read descriptor: {exc}")]
    resources = {name: r for name, r in resources_by_name(descriptor).items() if "schema" in r}  # tables
    wanted = set(resources) if only is None else _with_references(only, resources)

    problems = _descriptor_problems(data_dir, descriptor) if only is None else []
    tables: dict[str, CsvTable] = {}
    for name in sorted(wanted):
        table, table_problems = _checked_table(data_dir, resources[name])
        problems += table_problems
        if table is not None:
            tables[name] = table
    for name in sorted(wanted):
        if name in tables:
            problems += _foreign_key_problems(tables, name, resources[name]["schema"])
            problems += _list_reference_problems(tables, name, resources[name]["schema"])
    return sorted(set(problems), key=_order)


def _order(problem: Problem) -> tuple:
    return (problem.path, problem.row or 0, problem.field or "", problem.message)


def _show(path: Path) -> str:
    return path.as_posix()


def _with_references(names: set[str], resources: dict[str, dict]) -> set[str]:
    unknown = names - set(resources)
    if unknown:
        raise KeyError(f"no table named {sorted(unknown)} in {DESCRIPTOR}")
    wanted = set(names)
    for name in names:
        schema = resources[name]["schema"]
        for key in schema.get("foreignKeys", []):
            wanted.add(key["reference"]["resource"] or name)
        wanted |= {
            field["listOf"]["resource"] for field in schema["fields"] if "resource" in field.get("listOf", {})
        }
    return wanted


# -- the descriptor itself -------------------------------------------------


def _descriptor_problems(data_dir: Path, descriptor: dict) -> list[Problem]:
    where = _show(data_dir / DESCRIPTOR)
    problems = []
    described = set()
    for resource in descriptor.get("resources", []):
        name = resource.get("name", "?")
        described.add(resource.get("path"))
        for key in ("path", "title", "description"):
            if not resource.get(key):
                problems.append(Problem(where, None, name, f"resource has no {key}"))
        if not (data_dir / resource.get("path", "")).is_file():
            problems.append(Problem(where, None, name, f"file {resource.get('path')!r} is missing"))
        for field in resource.get("schema", {}).get("fields", []):
            if not field.get("description", "").strip():
                label = f"{name}.{field.get('name', '?')}"
                problems.append(Problem(where, None, label, "field has no description"))
    for path in sorted(data_dir.glob("*.csv")):
        if path.name not in described:
            problems.append(
                Problem(_show(path), None, None, f"table on disk is not described in {DESCRIPTOR}")
            )
    return problems


# -- reading ----------------------------------------------------------------


def _checked_table(data_dir: Path, resource: dict) -> tuple[CsvTable | None, list[Problem]]:
    """Read one table and check its cells and key, reusing the result while the file is unchanged."""
    path = data_dir / resource["path"]
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = None
    return _checked_table_cached(str(data_dir), json.dumps(resource, sort_keys=True), stamp)


@functools.lru_cache(maxsize=256)
def _checked_table_cached(data_dir: str, resource_json: str, stamp) -> tuple[CsvTable | None, list[Problem]]:
    resource = json.loads(resource_json)
    table, problems = _read_table(Path(data_dir), resource)
    if table is not None:
        problems = (
            problems
            + _cell_problems(table, resource["schema"])
            + _primary_key_problems(table, resource["schema"])
        )
    return table, problems


def _read_table(data_dir: Path, resource: dict) -> tuple[CsvTable | None, list[Problem]]:
    path = data_dir / resource["path"]
    where = _show(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(where, None, None, f"cannot read file: {exc.strerror}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        return None, [Problem(where, line, None, message)]
    if text.startswith("\ufeff"):
        return None, [
            Problem(where, 1, None, "file starts with a byte-order mark; save as UTF-8 without BOM")
        ]

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = _records_with_lines(reader)
    except csv.Error as exc:
        return None, [Problem(where, reader.line_num, None, f"malformed CSV: {exc}")]
    if not records:
        return None, [Problem(where, 1, None, "file is empty (no header)")]

    _, header = records[0]
    problems = _header_problems(where, header, resource["schema"])
    rows = []
    for line, cells in records[1:]:
        if len(cells) != len(header):
            problems.append(
                Problem(where, line, None, f"row has {len(cells)} cells but the header has {len(header)}")
            )
            continue
        rows.append((line, dict(zip(header, cells))))
    return CsvTable(resource["name"], where, header, rows), problems


def _records_with_lines(reader) -> list[tuple[int, list[str]]]:
    records, line = [], 1
    for cells in reader:
        if cells:  # a blank line is not a record; csv gives []
            records.append((line, cells))
        line = reader.line_num + 1
    return records


def _header_problems(where: str, header: list[str], schema: dict) -> list[Problem]:
    expected = [field["name"] for field in schema["fields"]]
    problems = [
        Problem(where, 1, name, "column missing from file") for name in expected if name not in header
    ]
    problems += [Problem(where, 1, name, "column not in schema") for name in header if name not in expected]
    duplicates = {name for name in header if header.count(name) > 1}
    problems += [Problem(where, 1, name, "column appears twice") for name in sorted(duplicates)]
    if not problems and header != expected:
        problems.append(Problem(where, 1, None, f"columns are not in schema order: {expected}"))
    return problems


# -- cells ------------------------------------------------------------------


def _cell_problems(table: CsvTable, schema: dict) -> list[Problem]:
    problems = []
    fields = [field for field in schema["fields"] if field["name"] in table.header]
    for line, cells in table.rows:
        for field in fields:
            message = check_cell(cells[field["name"]], field)
            if message:
                problems.append(Problem(table.path, line, field["name"], message))
        for field in fields:
            precision_field = field.get("precisionField")
            if precision_field and precision_field in cells:
                message = _precision_problem(cells[field["name"]], cells[precision_field])
                if message:
                    problems.append(Problem(table.path, line, field["name"], message))
            kind_field = field.get("kindField")
            if kind_field and kind_field in cells:
                message = _kind_problem(cells[field["name"]], cells[kind_field], kind_field)
                if message:
                    problems.append(Problem(table.path, line, kind_field, message))
    return problems


def _kind_problem(value: str, kind: str, kind_field: str) -> str | None:
    """A value whose kind must be stated (`kindField`) has its kind, and a kind needs a value."""
    if value and not kind:
        return (
            f"is empty, but a {kind_field.removesuffix('_kind')} value is given: say what kind of value it is"
        )
    if kind and not value:
        return f"{kind!r} is given without a {kind_field.removesuffix('_kind')} value"
    return None


def check_cell(value: str, field: dict) -> str | None:
    """Why `value` does not fit `field`, or None if it does."""
    constraints = field.get("constraints", {})
    if value == "":
        return "required value is empty" if constraints.get("required") else None
    if value != value.strip():
        return f"{value!r} has leading or trailing spaces"
    kind = field.get("type", "string")
    parsed, message = _parse(value, kind)
    if message:
        return message
    if "enum" in constraints:  # enum values are of the field's type (a date enum is written as text)
        constraints = {
            **constraints,
            "enum": [_parse(str(v), kind)[0] if isinstance(v, str) else v for v in constraints["enum"]],
        }
    return _constraint_problem(value, parsed, constraints)


def _parse(value: str, kind: str):
    if kind == "string":
        return value, None
    if kind in ("integer", "year"):
        pattern = _INTEGER if kind == "integer" else _YEAR
        if not pattern.fullmatch(value):
            return None, f"{value!r} is not {'an integer' if kind == 'integer' else 'a year (YYYY)'}"
        return int(value), None
    if kind == "number":
        if not _NUMBER.fullmatch(value):
            return None, f"{value!r} is not a number"
        return float(value), None
    if kind == "boolean":
        if value not in ("true", "false"):
            return None, f"{value!r} is not a boolean (true or false)"
        return value == "true", None
    if kind == "date":
        if not _DATE.fullmatch(value):
            return None, f"{value!r} is not a date (YYYY-MM-DD)"
        try:
            return dt.date.fromisoformat(value), None
        except ValueError:
            return None, f"{value!r} is not a real calendar date"
    raise ValueError(f"field type {kind!r} is not supported by cnkz")


def _constraint_problem(value: str, parsed, constraints: dict) -> str | None:
    if "enum" in constraints and parsed not in constraints["enum"]:
        return f"{value!r} is not one of {constraints['enum']}"
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], value):
        return f"{value!r} does not match pattern {constraints['pattern']!r}"
    if "minimum" in constraints and parsed < _bound(constraints["minimum"], parsed):
        return f"{value!r} is below minimum {constraints['minimum']}"
    if "maximum" in constraints and parsed > _bound(constraints["maximum"], parsed):
        return f"{value!r} is above maximum {constraints['maximum']}"
    return None


def _bound(bound, parsed):
    return dt.date.fromisoformat(bound) if isinstance(parsed, dt.date) else bound


def _precision_problem(date_text: str, precision: str) -> str | None:
    """A month-precise date is written YYYY-MM-01, a year-precise one YYYY-01-01."""
    if not _DATE.fullmatch(date_text) or precision not in PRECISIONS:
        return None  # reported by the type and enum checks
    if precision == "month" and not date_text.endswith("-01"):
        return f"{date_text!r} has precision 'month' but names a day; write {date_text[:8]}01"
    if precision == "year" and not date_text.endswith("-01-01"):
        return f"{date_text!r} has precision 'year' but names a month or day; write {date_text[:4]}-01-01"
    return None


# -- keys -------------------------------------------------------------------


def as_list(key) -> list[str]:
    return [key] if isinstance(key, str) else list(key)


def _primary_key_problems(table: CsvTable, schema: dict) -> list[Problem]:
    key = as_list(schema.get("primaryKey", []))
    if not key or not set(key) <= set(table.header):
        return []
    first_seen: dict[tuple, int] = {}
    problems = []
    for line, cells in table.rows:
        value = tuple(cells[name] for name in key)
        if value in first_seen:
            message = f"duplicate primary key {_show_key(value)}, first at row {first_seen[value]}"
            problems.append(Problem(table.path, line, ",".join(key), message))
        else:
            first_seen[value] = line
    return problems


def _foreign_key_problems(tables: dict[str, CsvTable], name: str, schema: dict) -> list[Problem]:
    problems = []
    table = tables[name]
    for key in schema.get("foreignKeys", []):
        fields = as_list(key["fields"])
        target_name = key["reference"]["resource"] or name
        target = tables.get(target_name)
        if target is None or not set(fields) <= set(table.header):
            continue
        target_fields = as_list(key["reference"]["fields"])
        known = {tuple(cells.get(f, "") for f in target_fields) for _, cells in target.rows}
        for line, cells in table.rows:
            value = tuple(cells[f] for f in fields)
            if all(part == "" for part in value) or value in known:
                continue
            message = f"{_show_key(value)} is not in {target.path} ({','.join(target_fields)})"
            problems.append(Problem(table.path, line, ",".join(fields), message))
    return problems


def _show_key(value: tuple) -> str:
    return repr(value[0]) if len(value) == 1 else repr(value)


def _list_reference_problems(tables: dict[str, CsvTable], name: str, schema: dict) -> list[Problem]:
    """A field with `listOf` holds several keys of another table, separated as it says; each must exist."""
    problems = []
    table = tables[name]
    for field in schema["fields"]:
        spec = field.get("listOf", {})
        target = tables.get(spec["resource"]) if "resource" in spec else None
        if target is None or field["name"] not in table.header:
            continue
        known = {cells.get(spec["field"], "") for _, cells in target.rows}
        for line, cells in table.rows:
            for item in filter(None, cells[field["name"]].split(spec["separator"])):
                if item not in known:
                    message = f"{item!r} is not in {target.path} ({spec['field']})"
                    problems.append(Problem(table.path, line, field["name"], message))
    return problems
