"""Set up and run the book on any system, without make: the Makefile's targets call this too.

  python tools/book.py build       the strict book, into _build/html (what `make book` does)
  python tools/book.py test        validate the data, lint, every test and notebook (`make test`)
  python tools/book.py lab         JupyterLab on the chapters (`make lab`)
  python tools/book.py validate | execute | env | lock
  python tools/book.py test -k osce       words after the command go to its last step (here pytest)

Each command first makes .venv from the lock with uv, when it is missing, made by an unsupported Python or
older than the lock. On Windows, run it as `py -3.12 tools\\book.py build`. With --no-venv it uses the Python
that runs it as it is, e.g. a conda environment made from environment.yml.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import check_python  # noqa: F401  (before anything else: says which Pythons work, and stops on another)

REPO = Path(__file__).resolve().parents[1]
LOCK = "requirements.txt"
# Extra locks installed on top of the main one, each for one target; a re-sync of the main lock removes
# them, so their stamps include the main lock's.
EXTRAS = {"lab": "requirements-lab.txt", "site": "requirements-site.txt"}
COMPILED = {
    "requirements.in": LOCK,
    "requirements-lab.in": EXTRAS["lab"],
    "requirements-site.in": EXTRAS["site"],
}


def venv_python(venv: Path, windows: bool = os.name == "nt") -> Path:
    return venv / "Scripts" / "python.exe" if windows else venv / "bin" / "python"


def pinned_version(package: str, lock: Path = REPO / LOCK) -> str:
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"{package}=="):
            return line.split("==")[1].split()[0]
    raise ValueError(f"{lock.name} pins no {package}")


def compile_command(python: str, source: str, output: Path, offline: bool = False) -> list[str]:
    """uv's compile of one .in file into its lock: `make lock`, and the check that the lock is current.

    When `output` exists uv keeps its pins where the .in file allows, so only a changed .in changes a lock.
    """
    command = [python, "-m", "uv", "pip", "compile", "--quiet", "--universal", "--python-version", "3.11"]
    return [*command, "--no-header", *(["--offline"] if offline else []), source, "-o", str(output)]


def commands(python: str) -> dict[str, list[list[str]]]:
    """Each target's commands, run in the repository with the environment's Python."""
    validate = [python, "-m", "cnkz", "validate", "data"]
    pytest = [python, "-m", "pytest", "-n", "auto", "--dist", "loadfile", "--nbval"]
    # The files the site serves itself (web-assets.lock.json, the in-browser kernel's packages): each
    # fetch does nothing when they are there, and checks what it downloads.
    fetch = [[python, "-m", "cnkz_build", kind, "fetch"] for kind in ("web-assets", "pyodide-packages")]
    return {
        "validate": [validate],
        "build": [validate, *fetch, [python, "tools/build_book.py"]],
        "test": [
            validate,
            *fetch,
            [python, "-m", "ruff", "check", "."],
            [python, "-m", "ruff", "format", "--check", "."],
            [*pytest, "--nbval-sanitize-with", "tests/sanitize.cfg", "tests", "book"],
        ],
        "execute": [[python, "tools/execute_notebooks.py"]],
        "lab": [[python, "-m", "jupyterlab", "book"]],
        "lock": [
            *(compile_command(python, source, REPO / lock) for source, lock in COMPILED.items()),
            [python, "-m", "cnkz_build", "web-assets", "lock"],
        ],
        "env": fetch,
    }


def digest(*parts: Path | str) -> str:
    text = "\n".join(p.read_text(encoding="utf-8") if isinstance(p, Path) else p for p in parts)
    return hashlib.sha256(text.encode()).hexdigest()


def supported(python: str) -> bool:
    """Whether this interpreter exists, runs, and is a Python the book supports."""
    check = [python, str(REPO / "tools" / "check_python.py")]
    return Path(python).is_file() and subprocess.run(check, capture_output=True).returncode == 0


def run(command: list[str]) -> None:
    subprocess.run(command, cwd=REPO, check=True)


class Environment:
    """The Python the book runs in: a .venv made from the lock, or (--no-venv) the current one as it is."""

    def __init__(self, venv: Path | None):
        self.venv = venv
        self.python = str(venv_python(venv)) if venv else sys.executable
        self.prefix = venv if venv else Path(sys.prefix)

    def stamp(self, name: str) -> Path:
        return self.prefix / f".installed-{name}"

    def is_current(self, name: str, expected: str) -> bool:
        return self.stamp(name).is_file() and self.stamp(name).read_text() == expected

    def ensure_main(self) -> str:
        expected = digest(REPO / LOCK, REPO / "pyproject.toml")
        if not self.is_current("from-lock", expected):
            if self.venv:
                self.make_venv()
            self.fill_uv_cache()
            self.stamp("from-lock").write_text(expected)
        return expected

    def make_venv(self) -> None:
        python = self.python
        if self.venv.exists() and not supported(python):
            print(
                f"Making {self.venv} anew: the one here was made by another Python or is broken.",
                file=sys.stderr,
            )
            shutil.rmtree(self.venv)
        if not Path(python).exists():
            run([sys.executable, "-m", "venv", str(self.venv)])
        pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        run([*pip, f"uv=={pinned_version('uv')}"])
        self.uv("sync", "--compile-bytecode", LOCK)
        self.uv("install", "--no-deps", "--editable", ".")

    def uv(self, command: str, *args: str) -> None:
        run([self.python, "-m", "uv", "pip", command, "--quiet", "--python", self.python, *args])

    def fill_uv_cache(self) -> None:
        """Compile every lock once now, with the network, so the test that the locks are current runs offline."""
        with tempfile.TemporaryDirectory() as scratch:
            for source, lock in COMPILED.items():
                shutil.copy(REPO / lock, Path(scratch) / lock)
                run(compile_command(self.python, source, Path(scratch) / lock))

    def ensure_extra(self, name: str) -> None:
        expected = digest(self.ensure_main(), REPO / EXTRAS[name])
        if not self.is_current(name, expected):
            if self.venv:
                self.uv("install", "-r", EXTRAS[name])
            else:
                run([self.python, "-m", "pip", "install", "--quiet", "-r", EXTRAS[name]])
            self.stamp(name).write_text(expected)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter, allow_abbrev=False
    )
    parser.add_argument("command", choices=sorted(commands("python")))
    parser.add_argument(
        "--venv", default=".venv", help="the environment folder to make and use (default: .venv)"
    )
    parser.add_argument("--no-venv", action="store_true", help="use the Python running this script as it is")
    parser.add_argument("--with", dest="extras", action="append", default=[], choices=sorted(EXTRAS))
    args, more = parser.parse_known_args(argv)  # the rest goes to the step's last command
    environment = Environment(None if args.no_venv else REPO / args.venv)
    environment.ensure_main()
    for extra in [*args.extras, *(["lab"] if args.command == "lab" else [])]:
        environment.ensure_extra(extra)
    try:
        steps = commands(environment.python)[args.command]
        for command in steps[:-1]:
            run(command)
        if steps:
            run([*steps[-1], *more])
    except subprocess.CalledProcessError as error:
        if args.command == "build" and error.cmd == commands(environment.python)["validate"][0]:
            print("The data have problems (above); the book was not built.", file=sys.stderr)
        return error.returncode
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
