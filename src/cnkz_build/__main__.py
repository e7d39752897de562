"""Command line: `python -m cnkz_build repository URL [--branch B]` sets the book's public address."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .launch import set_repository
from .settings import REPO


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cnkz_build", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    address = commands.add_parser(
        "repository", help="set the book's GitHub address (launch buttons, Colab cells)"
    )
    address.add_argument("url", help="https://github.com/OWNER/REPOSITORY, or '' for none")
    address.add_argument("--branch", default="main", help="the branch launch buttons open (default: main)")
    address.add_argument("--root", default=str(REPO), help="the book's folder (default: this repository)")
    args = parser.parse_args(argv)
    try:
        written = set_repository(Path(args.root), args.url, args.branch)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {os.path.relpath(path)}")
    print("Now run `make execute` so the notebooks' outputs match their cells.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
