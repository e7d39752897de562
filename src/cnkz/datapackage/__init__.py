"""The data package: its descriptor, the validator, typed loading and the codebook.

`load(name)` gives one validated, typed table; `validate(data_dir)` lists every
problem; `items(frame, column)` splits a list field by the separator the
descriptor declares.
"""

from .descriptor import (
    PRECISIONS,
    allowed_values,
    default_data_dir,
    list_separator,
    read_descriptor,
    resource_path,
)
from .loading import DataError, items, load
from .validation import Problem, validate

__all__ = [
    "PRECISIONS",
    "allowed_values",
    "DataError",
    "Problem",
    "default_data_dir",
    "items",
    "list_separator",
    "load",
    "read_descriptor",
    "resource_path",
    "validate",
]
