"""Command line: `python -m cnkz validate [DATA_DIR]` and `python -m cnkz repository URL [--branch B]`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .package import book_root, default_data_dir
from .checks import validate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cnkz", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check every table against datapackage.json")
    check.add_argument("data_dir", nargs="?", help="the data folder (default: the book's data/)")
    address = commands.add_parser("repository", help="set the book's GitHub address (launch buttons, Colab cells)")
    address.add_argument("url", help="https://github.com/OWNER/REPOSITORY, or '' for none")
    address.add_argument("--branch", default="main", help="the branch launch buttons open (default: main)")
    args = parser.parse_args(argv)
    if args.command == "repository":
        return set_repository(args.url, args.branch)
    return validate_data(args.data_dir)


def set_repository(url: str, branch: str) -> int:
    from .launch import set_repository as write

    try:
        written = write(book_root(), url, branch)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {os.path.relpath(path)}")
    print("Now run `make execute` so the notebooks' outputs match their cells.", file=sys.stderr)
    return 0


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
