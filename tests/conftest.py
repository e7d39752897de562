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


@pytest.fixture(scope="session")
def book_runner():
    """tools/book.py, the set-up and run script behind the Makefile, imported as a module."""
    import importlib.util
    import sys

    sys.path.insert(0, str(REPO / "tools"))  # book.py imports its neighbour check_python
    spec = importlib.util.spec_from_file_location("book_runner", REPO / "tools" / "book.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
