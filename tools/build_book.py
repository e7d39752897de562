"""Build the book as `make book` does: run the notebooks into the cache in parallel, then the strict build.

Usage: python tools/build_book.py [--path-output DIR] [SOURCE]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from cnkz_build.kernels import use_private_sockets
from cnkz_build.settings import REPO, STRICT_FLAGS


def build(
    source: Path = REPO, path_output: Path | None = None, prewarm: bool = True, quiet: bool = False
) -> None:
    use_private_sockets()  # for the pre-run, and for jupyter-book should it run a notebook itself
    output = Path(path_output) if path_output else source
    out = subprocess.DEVNULL if quiet else None
    if prewarm:
        subprocess.run(
            [sys.executable, str(REPO / "tools" / "prewarm_cache.py"), str(output / "_build")],
            check=True,
            stdout=out,
            stderr=out,
        )
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", *STRICT_FLAGS]
    if path_output:
        command += ["--path-output", str(path_output)]
    subprocess.run([*command, str(source)], check=True, stdout=out, stderr=out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", nargs="?", default=str(REPO))
    parser.add_argument("--path-output")
    args = parser.parse_args()
    try:
        build(Path(args.source), Path(args.path_output) if args.path_output else None)
    except subprocess.CalledProcessError as error:
        return error.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
