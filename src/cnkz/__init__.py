"""cnkz: the data and analysis behind 'China and Kazakhstan since 1992'.

Three layers, each a subpackage:

- `cnkz.datapackage`: the descriptor, the validator, typed loading, the codebook.
- `cnkz.analysis`: one module per chapter, and the rules several chapters
  share (`agreement`: one date or figure from several sources; `chronology`).
- `cnkz.display`: the house figure style, captions, tables for print, and the
  generated glossary and bibliography pages.

The names a chapter needs most are here: `cnkz.load`, `cnkz.validate`,
`cnkz.source_note`. Build machinery (Sphinx, LaTeX, launch buttons) is the
separate package `cnkz_build`, which no chapter imports.
"""

from .datapackage import DataError, Problem, default_data_dir, items, load, validate
from .display.captions import source_note

__all__ = ["DataError", "Problem", "default_data_dir", "items", "load", "source_note", "validate"]
