"""Where the data package lives, how to read its descriptor, and the rules it declares."""

from __future__ import annotations

import json
import os
from pathlib import Path

DESCRIPTOR = "datapackage.json"

# How precisely a source knows a date, most precise first. The one definition
# of this order: the validator, the agreed-date rule and the claim verdicts use it.
PRECISIONS = ("day", "month", "year")


def book_root() -> Path:
    """The repository this package was installed from (editable install)."""
    return Path(__file__).resolve().parents[3]


def default_data_dir() -> Path:
    """The book's `data/` folder, or the folder named by $CNKZ_DATA.

    Installed from the repository, that is the repository's `data/`. Installed as
    a wheel (the book in the browser, JupyterLite), it is the nearest `data/` with
    a descriptor in the working directory or above it: there the notebook runs in
    `book/`, next to `data/`.
    """
    override = os.environ.get("CNKZ_DATA")
    if override:
        return Path(override)
    repository_data = book_root() / "data"
    if (repository_data / DESCRIPTOR).is_file():
        return repository_data
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / "data" / DESCRIPTOR).is_file():
            return folder / "data"
    return repository_data  # missing: the error names the place it was expected


def read_descriptor(data_dir: Path | str | None = None) -> dict:
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    with open(data_dir / DESCRIPTOR, encoding="utf-8") as handle:
        return json.load(handle)


def resources_by_name(descriptor: dict) -> dict[str, dict]:
    return {resource["name"]: resource for resource in descriptor.get("resources", [])}


def resource_path(name: str, data_dir: Path | str | None = None) -> Path:
    """The file of resource `name` (a table or another file, such as the map outline)."""
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    resources = resources_by_name(read_descriptor(data_dir))
    if name not in resources:
        raise KeyError(f"no resource named {name!r} in {data_dir / DESCRIPTOR}")
    return data_dir / resources[name]["path"]


def allowed_values(table: str, field: str, data_dir: Path | str | None = None) -> list:
    """The values the descriptor allows for a field (its enum), in the descriptor's order."""
    resources = resources_by_name(read_descriptor(data_dir))
    spec = next(f for f in resources[table]["schema"]["fields"] if f["name"] == field)
    return list(spec["constraints"]["enum"])


def list_separator(table: str, field: str, data_dir: Path | str | None = None) -> str:
    """The separator the descriptor declares (`listOf`) for a field that holds several values."""
    resources = resources_by_name(read_descriptor(data_dir))
    for spec in resources[table]["schema"]["fields"]:
        if spec["name"] == field:
            if "listOf" not in spec:
                raise KeyError(f"{table}.{field} does not hold a list (no listOf in {DESCRIPTOR})")
            return spec["listOf"]["separator"]
    raise KeyError(f"{table} has no field {field!r}")
