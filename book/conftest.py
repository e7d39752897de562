"""pytest set-up for the chapters (nbval): each notebook may read only the tables the build knows it reads.

Before a notebook's kernel starts, CNKZ_EXPECTED_TABLES is set to the tables
the build's dependency scan finds for it (cnkz_build.inputs); `cnkz.load`
refuses any other, so a chapter can never go stale after a data edit.
"""

import os
from pathlib import Path

import pytest

from cnkz.datapackage.loading import EXPECTED_TABLES
from cnkz_build.inputs import reads_of

REPO = Path(__file__).resolve().parents[1]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    """Set the variable while nbval starts the notebook's kernel (which keeps it), then clear it."""
    if item.path.suffix == ".ipynb":
        reads = reads_of(item.path, REPO / "data", REPO / "src" / "cnkz")
        os.environ[EXPECTED_TABLES] = ",".join(sorted(reads.tables))
    yield
    os.environ.pop(EXPECTED_TABLES, None)


def pytest_terminal_summary(terminalreporter, exitstatus):
    """After a data or code change the stored outputs differ from what the notebooks now compute: say so."""
    failed = terminalreporter.stats.get("failed", [])
    if any(str(report.fspath).endswith(".ipynb") for report in failed):
        terminalreporter.write_line(
            "A notebook's stored outputs differ from what it computes now. If you changed data/ or src/, "
            "run `make execute` to store the new outputs, look at the differences (git diff book/), "
            "then run `make test` again.",
            yellow=True,
        )
