"""cnkz: the data and helpers behind 'China and Kazakhstan since 1992'.

Chapters import only this package: `cnkz.load` reads a validated, typed
table; `cnkz.validate` lists every problem in the data package;
`cnkz.source_note` writes a figure's source line; `cnkz.figures` holds the
house style.
"""

from .load import DataError, load
from .notes import source_note
from .package import default_data_dir
from .validate import Problem, validate
from . import codebook, figures, timeline

__all__ = ["DataError", "Problem", "codebook", "default_data_dir", "figures", "load", "source_note", "timeline", "validate"]
