"""Two clean builds must give byte-identical HTML.

Builds the book from scratch into a temporary folder and compares every
file with the existing `_build/html` (which `make book` made). Prints the
files that differ and exits 1 if any do.
"""

from __future__ import annotations

import filecmp
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def different_files(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right, ignore=[])
    found = [f"only in one build: {name}" for name in comparison.left_only + comparison.right_only]
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    found += [str(Path(left.name) / name) for name in mismatch + errors]
    for sub in comparison.common_dirs:
        found += [f"{sub}/{item}" for item in different_files(left / sub, right / sub)]
    return found


def main() -> int:
    first = REPO / "_build" / "html"
    if not (first / "index.html").is_file():
        print("build the book first (make book)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run(
            [str(Path(sys.executable).parent / "jupyter-book"), "build", "--path-output", scratch, "-W", "-n", "--keep-going", str(REPO)],
            check=True, stdout=subprocess.DEVNULL,
        )
        differences = different_files(first, Path(scratch) / "_build" / "html")
    for line in differences:
        print(f"differs between two clean builds: {line}")
    if differences:
        return 1
    print("two clean builds gave identical HTML")
    return 0


if __name__ == "__main__":
    sys.exit(main())
