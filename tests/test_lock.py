"""`make lock` would write the committed locks unchanged: each .in file is compiled again and compared.

The compile runs offline, from uv's cache, which the set-up (`make env`) fills by running the same compile
with the network; uv keeps the lock's pins where the .in file allows, as `make lock` does.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SOURCES = sorted(path.name for path in REPO.glob("requirements*.in"))


@pytest.mark.parametrize("source", SOURCES)
def test_make_lock_would_write_the_committed_lock(book_runner, source, tmp_path):
    lock = book_runner.COMPILED[source]
    fresh = tmp_path / lock
    shutil.copy(REPO / lock, fresh)
    command = book_runner.compile_command(sys.executable, source, fresh, offline=True)
    compiled = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    assert compiled.returncode == 0, (
        f"uv cannot compile {source} offline; `make env` fills its cache:\n{compiled.stderr}"
    )
    assert fresh.read_text() == (REPO / lock).read_text(), f"{lock} is not what `make lock` makes of {source}"


def test_make_lock_compiles_every_in_file(book_runner):
    assert sorted(book_runner.COMPILED) == SOURCES
