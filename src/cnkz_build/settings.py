"""The build's settings, defined once: the Makefile, the pre-run and the tools read them here."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "_config.yml"

# The strict build: every warning is an error, every reference must resolve.
STRICT_FLAGS = ["--warningiserror", "--nitpick", "--keep-going"]


def execution_timeout(config: Path = CONFIG) -> int:
    """Seconds a notebook cell may run: `execute.timeout` in _config.yml, the one place it is set."""
    match = re.search(
        r"^execute:\n(?:[ \t]+.*\n)*?[ \t]+timeout:[ \t]*(\d+)",
        config.read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    if not match:
        raise ValueError(f"{config}: no execute.timeout")
    return int(match.group(1))
