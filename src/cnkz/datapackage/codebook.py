"""The codebook and coverage summaries, generated from datapackage.json and the tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .descriptor import default_data_dir, read_descriptor
from .loading import load
from .validation import as_list


def table_summary(data_dir: Path | str | None = None) -> pd.DataFrame:
    """One row per table: name, file, title, description, primary key."""
    descriptor = read_descriptor(Path(data_dir) if data_dir else default_data_dir())
    return pd.DataFrame(
        [
            {
                "table": resource["name"],
                "file": resource["path"],
                "title": resource["title"],
                "description": resource["description"],
                "primary key": ", ".join(as_list(resource["schema"].get("primaryKey", []))),
            }
            for resource in descriptor["resources"]
        ]
    )


def field_summary(data_dir: Path | str | None = None) -> pd.DataFrame:
    """One row per field of every table, with type, unit, constraints and description."""
    descriptor = read_descriptor(Path(data_dir) if data_dir else default_data_dir())
    rows = []
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            rows.append(
                {
                    "table": resource["name"],
                    "field": field["name"],
                    "type": field["type"],
                    "unit": field.get("unit", ""),
                    "rules": describe_constraints(field),
                    "description": field["description"],
                }
            )
    return pd.DataFrame(rows)


def describe_constraints(field: dict) -> str:
    constraints = field.get("constraints", {})
    parts = []
    if constraints.get("required"):
        parts.append("required")
    if "enum" in constraints:
        parts.append("one of: " + ", ".join(map(str, constraints["enum"])))
    if "minimum" in constraints:
        parts.append(f"≥ {constraints['minimum']}")
    if "maximum" in constraints:
        parts.append(f"≤ {constraints['maximum']}")
    if "pattern" in constraints:
        parts.append(f"pattern {constraints['pattern']}")
    if "precisionField" in field:
        parts.append(f"precision in {field['precisionField']}")
    if "kindField" in field:
        parts.append(f"kind of value in {field['kindField']}")
    return "; ".join(parts)


def coverage(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Rows, distinct sources and the span of years for every table in the package."""
    rows = []
    for name in table_summary(data_dir)["table"]:
        frame = load(name, data_dir)
        first, last = _year_span(frame)
        rows.append(
            {
                "table": name,
                "rows": len(frame),
                "sources cited": frame["source_id"].nunique() if "source_id" in frame else pd.NA,
                "first year": first,
                "last year": last,
            }
        )
    result = pd.DataFrame(rows)
    return result.astype(
        {"rows": "Int64", "sources cited": "Int64", "first year": "Int64", "last year": "Int64"}
    )


def _year_span(frame: pd.DataFrame) -> tuple:
    years = []
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            years.append(frame[column].dt.year)
        elif column == "year":
            years.append(frame[column])
    if not years:
        return pd.NA, pd.NA
    combined = pd.concat(years).dropna()
    return (int(combined.min()), int(combined.max())) if len(combined) else (pd.NA, pd.NA)
