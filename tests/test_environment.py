"""One truth for the environment: requirements.in -> requirements.txt <- environment.yml."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;#]+)", line.strip())
        if match:
            found[re.sub(r"[-_.]+", "-", match[1].lower())] = match[2]
    return found


def test_every_direct_pin_is_in_the_lock_unchanged():
    direct, lock = pins(REPO / "requirements.in"), pins(REPO / "requirements.txt")
    assert direct, "requirements.in pins nothing"
    assert {name: lock.get(name) for name in direct} == direct


def test_lock_pins_every_package_exactly():
    lines = [
        line
        for line in (REPO / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert all("==" in line for line in lines), [line for line in lines if "==" not in line]


def test_design_pins_are_kept():
    lock = pins(REPO / "requirements.txt")
    assert lock["jupyter-book"] == "1.0.4.post1"  # 1.x: 2.x is another tool
    assert lock["sphinx"] == "7.4.7"


def test_environment_yml_installs_the_same_lock_with_the_same_python():
    text = (REPO / "environment.yml").read_text()
    assert re.search(r"^\s*-\s*-r requirements\.txt\s*$", text, re.M)
    assert re.search(r"^\s*-\s*python=3\.11\s*$", text, re.M)
    assert not re.search(r"^\s*-\s*[A-Za-z].*==", text, re.M), "environment.yml must not pin packages itself"


def test_the_lock_serves_python_3_11_to_3_13_on_every_platform():
    assert 'requires-python = ">=3.11,<3.14"' in (REPO / "pyproject.toml").read_text()
    lock = (REPO / "requirements.txt").read_text()
    # compiled with --universal: platform-only packages carry markers instead of being left out
    assert re.search(r"^appnope==\S+ ; sys_platform == 'darwin'", lock, re.M)
    assert re.search(r"^colorama==\S+ ; sys_platform == 'win32'", lock, re.M)
