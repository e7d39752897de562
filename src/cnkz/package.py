"""Where the data package lives and how to read its descriptor."""

from __future__ import annotations

import json
import os
from pathlib import Path

DESCRIPTOR = "datapackage.json"


def book_root() -> Path:
    """The repository this package was installed from (editable install)."""
    return Path(__file__).resolve().parents[2]


def default_data_dir() -> Path:
    """The book's `data/` folder, or the folder named by $CNKZ_DATA."""
    override = os.environ.get("CNKZ_DATA")
    if override:
        return Path(override)
    return book_root() / "data"


def read_descriptor(data_dir: Path) -> dict:
    with open(Path(data_dir) / DESCRIPTOR, encoding="utf-8") as handle:
        return json.load(handle)


def resources_by_name(descriptor: dict) -> dict[str, dict]:
    return {resource["name"]: resource for resource in descriptor.get("resources", [])}
