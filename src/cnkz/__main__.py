"""Command line: `python -m cnkz validate [DATA_DIR]` checks the data package."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .datapackage import default_data_dir, validate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cnkz", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check every table against datapackage.json")
    check.add_argument("data_dir", nargs="?", help="the data folder (default: the book's data/)")
    args = parser.parse_args(argv)
    return validate_data(args.data_dir)


def validate_data(data_dir_arg: str | None) -> int:
    data_dir = Path(data_dir_arg) if data_dir_arg else Path(os.path.relpath(default_data_dir()))
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
