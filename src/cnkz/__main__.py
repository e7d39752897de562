"""Command line: `python -m cnkz validate [DATA_DIR]`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .package import default_data_dir
from .checks import validate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cnkz", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check every table against datapackage.json")
    check.add_argument("data_dir", nargs="?", help="the data folder (default: the book's data/)")
    args = parser.parse_args(argv)

    data_dir = Path(args.data_dir) if args.data_dir else Path(os.path.relpath(default_data_dir()))
    problems = validate(data_dir)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) found in {data_dir}", file=sys.stderr)
        return 1
    print(f"{data_dir}: no problems", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
