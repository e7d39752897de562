"""The in-browser kernel's wheels: only the needed ones, each refused unless its sha256 is the official lock's."""

import hashlib
import io
import zipfile
from importlib.metadata import version

import pytest

from cnkz_build import pyodide_packages


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _lock(files: dict[str, bytes], depends: dict[str, list[str]]) -> dict:
    return {
        "info": {"version": "0.0.1"},
        "packages": {
            name: {
                "file_name": f"{name}-1.0-py3-none-any.whl",
                "sha256": _sha(data),
                "depends": depends[name],
            }
            for name, data in files.items()
        },
    }


def _source(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


COMM = b"comm wheel"
WHEELS = {"pandas": b"pandas wheel", "numpy": b"numpy wheel", "scipy": b"scipy wheel"}
LOCK = _lock(WHEELS, {"pandas": ["NumPy"], "numpy": [], "scipy": ["numpy"]})


def _members(wheels: dict[str, bytes]) -> dict[str, bytes]:
    members = {pyodide_packages.WHEELS_IN_SOURCE + f"{n}-1.0-py3-none-any.whl": d for n, d in wheels.items()}
    return {**members, pyodide_packages.COMM_MEMBER: COMM}


@pytest.fixture
def fake_pins(monkeypatch):
    source = _source(_members(WHEELS))
    monkeypatch.setattr(pyodide_packages, "official_lock", lambda: LOCK)
    monkeypatch.setattr(pyodide_packages, "COMM_SHA256", _sha(COMM))
    monkeypatch.setattr(
        pyodide_packages, "SOURCE", pyodide_packages.PinnedFile("https://x/s.whl", _sha(source))
    )
    monkeypatch.setattr(pyodide_packages, "BOOK_PACKAGES", ["pandas"])
    monkeypatch.setattr(pyodide_packages, "KERNEL_PACKAGES", [])
    return source


def test_needed_follows_the_dependencies_the_lock_lists():
    assert pyodide_packages.needed(LOCK, ["pandas"]) == ["numpy", "pandas"]
    with pytest.raises(KeyError, match="pyarrow is not in Pyodide 0.0.1"):
        pyodide_packages.needed(LOCK, ["pyarrow"])


def test_fetch_keeps_only_the_needed_wheels_and_comm(tmp_path, fake_pins):
    target = pyodide_packages.fetch(tmp_path, download=lambda url: fake_pins)
    assert sorted(path.name for path in target.iterdir()) == [
        "comm-0.2.2-py3-none-any.whl",
        "numpy-1.0-py3-none-any.whl",
        "pandas-1.0-py3-none-any.whl",
    ]
    assert pyodide_packages.fetch(tmp_path, download=lambda url: pytest.fail("downloaded twice")) is None
    assert [path.name for path in pyodide_packages.checked_files(tmp_path)][1:] == [
        "numpy-1.0-py3-none-any.whl",
        "pandas-1.0-py3-none-any.whl",
    ]


def test_a_wheel_that_differs_from_the_official_lock_refuses_them_all(tmp_path, fake_pins, monkeypatch):
    tampered = _source(_members({**WHEELS, "numpy": b"another numpy"}))
    monkeypatch.setattr(
        pyodide_packages, "SOURCE", pyodide_packages.PinnedFile("https://x/s.whl", _sha(tampered))
    )
    with pytest.raises(ValueError, match=r"numpy-1.0-py3-none-any.whl \(Pyodide's official lock\): sha256"):
        pyodide_packages.fetch(tmp_path, download=lambda url: tampered)
    assert not (tmp_path / "0.0.1").exists()


def test_a_source_file_with_another_sha256_is_refused(tmp_path, fake_pins):
    with pytest.raises(ValueError, match="s.whl: sha256 is"):
        pyodide_packages.fetch(tmp_path, download=lambda url: fake_pins + b"x")
    assert not (tmp_path / "0.0.1").exists()


def test_a_stored_wheel_changed_after_set_up_is_refused_at_build(tmp_path, fake_pins):
    target = pyodide_packages.fetch(tmp_path, download=lambda url: fake_pins)
    (target / "pandas-1.0-py3-none-any.whl").write_bytes(b"changed")
    with pytest.raises(ValueError, match="pandas-1.0-py3-none-any.whl: sha256 is"):
        pyodide_packages.checked_files(tmp_path)


def test_the_two_environments_have_these_versions():
    """The chapters must run in both: the lock's (the build) and Pyodide 0.27.7's (the browser)."""
    browser = pyodide_packages.official_lock()["packages"]
    assert {name: browser[name]["version"] for name in ("numpy", "pandas", "matplotlib")} == {
        "numpy": "2.0.2",
        "pandas": "2.2.3",
        "matplotlib": "3.8.4",
    }
    assert pyodide_packages.official_lock()["info"]["python"].startswith("3.12.")
    assert {name: version(name) for name in ("numpy", "pandas", "matplotlib")} == {
        "numpy": "2.4.6",
        "pandas": "3.1.1",
        "matplotlib": "3.11.2",
    }


def test_the_stored_wheels_are_those_of_the_official_lock():
    names = [path.name for path in pyodide_packages.checked_files()]
    assert "pandas-2.2.3-cp312-cp312-pyodide_2024_0_wasm32.whl" in names
    assert "matplotlib-3.8.4-cp312-cp312-pyodide_2024_0_wasm32.whl" in names
    assert not [name for name in names if name.startswith(("scipy", "pyarrow", "scikit_learn"))]
