"""Fail the PDF build on what LaTeX only warns about: undefined references and missing characters.

Usage: python tools/check_pdf_log.py _build/latex/china-kazakhstan.log
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PROBLEMS = {
    "undefined reference": re.compile(r"(?:Hyper )?[Rr]eference `([^']+)' on page \d+ undefined"),
    "missing character": re.compile(r"Missing character: There is no (\S+) in font"),
}


def problems(log: str) -> list[str]:
    flat = log.replace("\n", "")  # TeX wraps its log at 79 characters
    found = []
    for kind, pattern in PROBLEMS.items():
        found += sorted({f"{kind}: {match}" for match in pattern.findall(flat)})
    return found


def main(path: str) -> int:
    found = problems(Path(path).read_text(encoding="utf-8", errors="replace"))
    for line in found:
        print(f"{path}: {line}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
