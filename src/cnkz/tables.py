"""Read one table of the package as a typed DataFrame, after validating it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .package import default_data_dir, read_descriptor, resources_by_name
from .checks import Problem, validate

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


def load(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """Table `name` with the dtypes its schema declares; raises DataError if it is invalid."""
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
    return frame


def _typed(column: pd.Series, kind: str) -> pd.Series:
    missing = column == ""
    if kind == "date":
        return pd.to_datetime(column.where(~missing), format="%Y-%m-%d")
    if kind == "boolean":
        return column.map({"true": True, "false": False, "": pd.NA}).astype("boolean")
    if kind in ("integer", "year", "number"):
        return pd.to_numeric(column.where(~missing)).astype(DTYPES[kind])
    return column.where(~missing).astype("string")
