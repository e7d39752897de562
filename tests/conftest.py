import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]


def build_package(tmp_path: Path, case: str | None = None) -> Path:
    """A copy of the valid fixture package with one malformed case's files laid over it."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "valid", target)
    if case:
        for path in (FIXTURES / "malformed" / case).iterdir():
            shutil.copy(path, target / path.name)
    return target


@pytest.fixture
def make_package(tmp_path):
    """build_package for this test's folder: make_package() or make_package("negative_value")."""
    return lambda case=None: build_package(tmp_path, case)


@pytest.fixture
def valid_package(tmp_path):
    return build_package(tmp_path)
