"""Browser files the site serves itself (JavaScript libraries, the Python-in-the-browser runtime).

They come from the npm registry as package tarballs. `web-assets.in` names each
package and version; `lock` asks the registry for each tarball's address and
sha512 (no Node.js needed) and writes `web-assets.lock.json`; `fetch`, run at
set-up time, downloads what is missing into `.vendor/npm/`, refuses any tarball
whose sha512 differs from the lock, and unpacks it. The build then only copies
from `.vendor/`: nothing is downloaded while building or testing.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .settings import REPO

REGISTRY = "https://registry.npmjs.org"
REQUIREMENTS = REPO / "web-assets.in"
LOCK = REPO / "web-assets.lock.json"
VENDOR = REPO / ".vendor" / "npm"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    tarball: str = ""
    integrity: str = ""  # npm's form: "sha512-" + base64 digest

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"


def read_requirements(path: Path = REQUIREMENTS) -> list[Package]:
    """`name@version` lines; `#` starts a comment. A version must be exact, so the lock is the one truth."""
    packages = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        spec = line.split("#", 1)[0].strip()
        if not spec:
            continue
        name, at, version = spec.rpartition("@")
        if not at or not name or not version[:1].isdigit():
            raise ValueError(f"{path.name}:{number}: expected name@exact.version, got {spec!r}")
        packages.append(Package(name, version))
    return packages


def read_lock(path: Path = LOCK) -> list[Package]:
    return [Package(**entry) for entry in json.loads(path.read_text(encoding="utf-8"))["packages"]]


def lock(requirements: Path = REQUIREMENTS, path: Path = LOCK) -> list[Package]:
    """Resolve each required package's tarball and sha512 with the registry and write the lock."""
    locked = [_resolve(package) for package in read_requirements(requirements)]
    document = {
        "comment": f"Written by `python -m cnkz_build web-assets lock` from {requirements.name}; do not edit.",
        "packages": [package.__dict__ for package in locked],
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return locked


def _resolve(package: Package) -> Package:
    with urllib.request.urlopen(f"{REGISTRY}/{package.name}/{package.version}", timeout=60) as response:
        dist = json.load(response)["dist"]
    return Package(package.name, package.version, dist["tarball"], dist["integrity"])


def package_dir(name: str, vendor: Path = VENDOR, lock_path: Path = LOCK) -> Path:
    """The unpacked package (its `package.json` is inside) of the locked version of `name`."""
    for package in read_lock(lock_path):
        if package.name == name:
            folder = vendor / package.spec / "package"
            if not folder.is_dir():
                raise FileNotFoundError(f"{folder} is missing: run `make env` (it fetches {package.spec})")
            return folder
    raise KeyError(f"{name} is not in {lock_path.name}")


def fetch(vendor: Path = VENDOR, lock_path: Path = LOCK, download=None) -> list[Path]:
    """Download and unpack every locked package not yet in `vendor`; return the folders unpacked now."""
    download = download or http_download
    unpacked = []
    for package in read_lock(lock_path):
        target = vendor / package.spec
        if (target / "package").is_dir():
            continue
        data = download(package.tarball)
        check_integrity(data, package)
        _unpack(data, target)
        unpacked.append(target)
    return unpacked


def check_integrity(data: bytes, package: Package) -> None:
    algorithm, _, expected = package.integrity.partition("-")
    if algorithm != "sha512":
        raise ValueError(f"{LOCK.name}: {package.spec}: integrity must be sha512, not {algorithm!r}")
    actual = base64.b64encode(hashlib.sha512(data).digest()).decode()
    if actual != expected:
        raise ValueError(f"{package.spec}: the tarball's sha512 is {actual}, the lock says {expected}")


def http_download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=300) as response:
        return response.read()


def _unpack(data: bytes, target: Path) -> None:
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)  # left by an interrupted fetch
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        archive.extractall(partial, filter="data")
    partial.rename(target)  # only a complete unpack gets the real name
