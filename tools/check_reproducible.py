"""Two clean builds must give byte-identical HTML.

Builds the book twice from scratch, each into its own temporary folder (an
incremental `_build` keeps stale images and gains checksums, so it is no
fair comparison), and compares every file. Prints the files that differ
and exits 1 if any do.
"""

from __future__ import annotations

import filecmp
import subprocess
import sys
import tempfile
from pathlib import Path

from cnkz_build.kernels import use_private_sockets
from cnkz_build.settings import REPO, STRICT_FLAGS


def clean_build(folder: Path) -> Path:
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    subprocess.run(
        [str(jupyter_book), "build", *STRICT_FLAGS, "--path-output", str(folder), str(REPO)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return folder / "_build" / "html"


def different_files(left: Path, right: Path, prefix: str = "") -> list[str]:
    comparison = filecmp.dircmp(left, right, ignore=[])
    found = [f"{prefix}{name} (only in one build)" for name in comparison.left_only + comparison.right_only]
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    found += [f"{prefix}{name}" for name in mismatch + errors]
    for sub in comparison.common_dirs:
        found += different_files(left / sub, right / sub, f"{prefix}{sub}/")
    return found


def main() -> int:
    use_private_sockets()
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
        differences = different_files(clean_build(Path(first)), clean_build(Path(second)))
    for line in differences:
        print(f"differs between two clean builds: {line}")
    if differences:
        return 1
    print("two clean builds gave identical HTML")
    return 0


if __name__ == "__main__":
    sys.exit(main())
