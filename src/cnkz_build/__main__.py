"""Command line of the build package.

`python -m cnkz_build repository URL [--branch B]` sets the book's public address;
`python -m cnkz_build web-assets lock|fetch` locks or fetches the browser files the site serves;
`python -m cnkz_build pyodide-packages fetch` fetches the in-browser kernel's Python packages.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import pyodide_packages, web_assets
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
    assets = commands.add_parser(
        "web-assets", help="lock (needs the npm registry) or fetch the site's browser files"
    )
    assets.add_argument("action", choices=["lock", "fetch"])
    kernel = commands.add_parser(
        "pyodide-packages", help="fetch the in-browser kernel's wheels, checked against Pyodide's lock"
    )
    kernel.add_argument("action", choices=["fetch"])
    args = parser.parse_args(argv)
    if args.command == "web-assets":
        return _web_assets(args.action)
    if args.command == "pyodide-packages":
        return _pyodide_packages()
    try:
        written = set_repository(Path(args.root), args.url, args.branch)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {os.path.relpath(path)}")
    print("Now run `make execute` so the notebooks' outputs match their cells.", file=sys.stderr)
    return 0


def _web_assets(action: str) -> int:
    if action == "lock":
        for package in web_assets.lock():
            print(f"locked {package.spec}")
        return 0
    try:
        for folder in web_assets.fetch():
            print(f"fetched {os.path.relpath(folder)}")
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _pyodide_packages() -> int:
    try:
        written = pyodide_packages.fetch()
    except (ValueError, FileNotFoundError) as error:
        print(error, file=sys.stderr)
        return 1
    if written:
        print(f"fetched {os.path.relpath(written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
