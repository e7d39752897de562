"""Read one table of the package as a typed DataFrame, after validating it."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from .descriptor import default_data_dir, list_separator, read_descriptor, resources_by_name
from .validation import Problem, validate

# pandas dtypes for the Table Schema types the package uses; all nullable, so
# an optional empty cell becomes <NA>, never a silently invented value.
DTYPES = {
    "string": "string",
    "integer": "Int64",
    "year": "Int64",
    "number": "Float64",
    "boolean": "boolean",
}


class DataError(ValueError):
    """The data on disk does not match its descriptor. Carries every problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(str(problem) for problem in problems)
        super().__init__(f"{len(problems)} problem(s) in the data package:\n{lines}")


# Set by the notebook tests to the tables the build's dependency scan (cnkz_build.inputs)
# found for the notebook under test, so a read the scan misses fails instead of going stale.
EXPECTED_TABLES = "CNKZ_EXPECTED_TABLES"


class UnexpectedTableError(RuntimeError):
    """A notebook read a table that the build does not know it reads."""


def load(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """Table `name` with the dtypes its schema declares; raises DataError if it is invalid."""
    expected = os.environ.get(EXPECTED_TABLES)
    if expected is not None and name not in expected.split(","):
        raise UnexpectedTableError(
            f"this notebook reads table {name!r}, but the build's scan of its code did not see that, so an edit "
            f"of {name!r} would not re-run it: load the table with its name written out, cnkz.load({name!r})"
        )
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    problems = validate(data_dir, only={name})
    if problems:
        raise DataError(problems)
    resource = resources_by_name(read_descriptor(data_dir))[name]
    fields = resource["schema"]["fields"]
    frame = pd.read_csv(
        data_dir / resource["path"],
        dtype=str,
        keep_default_na=False,
        encoding="utf-8",
    )
    for field in fields:
        frame[field["name"]] = _typed(frame[field["name"]], field["type"])
    frame.attrs["table"] = name
    frame.attrs["data_dir"] = str(data_dir)
    return frame


def items(frame: pd.DataFrame, column: str) -> pd.Series:
    """Each row's list field split into its values, by the separator the descriptor declares.

    `frame` must come from `load` (it knows its table); an empty cell gives an empty list.
    """
    table = frame.attrs.get("table")
    if table is None:
        raise ValueError("items() needs a frame from cnkz.load, which records its table")
    separator = list_separator(table, column, frame.attrs.get("data_dir"))
    return frame[column].map(lambda value: [] if pd.isna(value) else [v for v in value.split(separator) if v])


def _typed(column: pd.Series, kind: str) -> pd.Series:
    missing = column == ""
    if kind == "date":
        return pd.to_datetime(column.where(~missing), format="%Y-%m-%d")
    if kind == "boolean":
        return column.map({"true": True, "false": False, "": pd.NA}).astype("boolean")
    if kind in ("integer", "year", "number"):
        return pd.to_numeric(column.where(~missing)).astype(DTYPES[kind])
    return column.where(~missing).astype("string")
