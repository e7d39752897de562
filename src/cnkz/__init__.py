"""cnkz: the data and helpers behind 'China and Kazakhstan since 1992'.

Chapters import only this package: `cnkz.load` reads a validated, typed
table; `cnkz.validate` lists every problem in the data package;
`cnkz.source_note` writes a figure's source line; `cnkz.figures` holds the
house style; one module per chapter holds its analysis.

Names are imported on first use, so that the Sphinx extension and the build
tools, which need none of pandas or matplotlib, start quickly.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "DataError": "tables",
    "load": "tables",
    "source_note": "notes",
    "default_data_dir": "package",
    "Problem": "checks",
    "validate": "checks",
}
_SUBMODULES = {"claims", "codebook", "energy", "figures", "history", "latex", "launch", "ledger", "osce", "pages", "security",
               "timeline", "trade"}

__all__ = sorted(_EXPORTS) + sorted(_SUBMODULES)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'cnkz' has no attribute {name!r}")
