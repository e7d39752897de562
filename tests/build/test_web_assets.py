"""The site's browser files: the lock matches its requirements, and a tarball that does not match is refused."""

import base64
import hashlib
import io
import json
import tarfile

import pytest

from cnkz_build import web_assets
from cnkz_build.web_assets import Package


def _tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def _write_lock(path, packages):
    path.write_text(json.dumps({"packages": [package.__dict__ for package in packages]}), encoding="utf-8")


def test_the_committed_lock_holds_exactly_the_required_packages():
    required = {(package.name, package.version) for package in web_assets.read_requirements()}
    locked = web_assets.read_lock()
    assert {(package.name, package.version) for package in locked} == required
    for package in locked:
        assert package.tarball.startswith(f"{web_assets.REGISTRY}/{package.name}/-/"), package.spec
        assert package.integrity.startswith("sha512-"), package.spec


def test_requirements_need_exact_versions(tmp_path):
    requirements = tmp_path / "web-assets.in"
    requirements.write_text(
        "# a comment\nvega@6.4.0  # pinned\n@scope/tool@1.2.3\nvega-lite@^6\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"web-assets.in:4: expected name@exact.version"):
        web_assets.read_requirements(requirements)
    requirements.write_text("vega@6.4.0\n@scope/tool@1.2.3\n", encoding="utf-8")
    assert [package.spec for package in web_assets.read_requirements(requirements)] == [
        "vega@6.4.0",
        "@scope/tool@1.2.3",
    ]


def test_fetch_unpacks_a_matching_tarball_once(tmp_path):
    data = _tarball({"build/lib.min.js": b"console.log(1)"})
    lock = tmp_path / "lock.json"
    _write_lock(lock, [Package("lib", "1.0.0", "https://registry/lib-1.0.0.tgz", _integrity(data))])
    downloads = []

    def download(url):
        downloads.append(url)
        return data

    vendor = tmp_path / "vendor"
    assert web_assets.fetch(vendor, lock, download) == [vendor / "lib@1.0.0"]
    assert (
        web_assets.package_dir("lib", vendor, lock).joinpath("build/lib.min.js").read_bytes()
        == b"console.log(1)"
    )
    assert web_assets.fetch(vendor, lock, download) == []
    assert downloads == ["https://registry/lib-1.0.0.tgz"]


def test_fetch_refuses_a_tarball_whose_sha512_differs_from_the_lock(tmp_path):
    data = _tarball({"build/lib.min.js": b"console.log(1)"})
    tampered = _tarball({"build/lib.min.js": b"console.log(2)"})
    lock = tmp_path / "lock.json"
    _write_lock(lock, [Package("lib", "1.0.0", "https://registry/lib-1.0.0.tgz", _integrity(data))])
    with pytest.raises(ValueError, match=r"lib@1.0.0: the tarball's sha512 is"):
        web_assets.fetch(tmp_path / "vendor", lock, lambda url: tampered)
    assert not (tmp_path / "vendor" / "lib@1.0.0").exists()


def test_package_dir_names_the_command_that_fetches_a_missing_package(tmp_path):
    lock = tmp_path / "lock.json"
    _write_lock(lock, [Package("lib", "1.0.0", "https://registry/lib-1.0.0.tgz", "sha512-x")])
    with pytest.raises(FileNotFoundError, match="run `make env`"):
        web_assets.package_dir("lib", tmp_path / "vendor", lock)
    with pytest.raises(KeyError, match="other"):
        web_assets.package_dir("other", tmp_path / "vendor", lock)
