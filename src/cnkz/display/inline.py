"""Numbers in the prose: one value, pasted by the book and by JupyterLab alike.

A chapter names a computed value with `glue(name, value)` and its prose writes
{eval}`name`. The book pastes the glued value (MyST-NB's glue, checked by nbval);
JupyterLab's MyST extension evaluates `name` in the kernel, so `glue` also binds
the value to that name in the notebook's namespace. Where MyST-NB is not
installed (JupyterLite, a bare Colab) there is no book to paste into: `glue`
shows the value unless told not to, and binds it all the same.
"""

from __future__ import annotations

import re
from typing import Any


def _show_glued(name: str, value: Any, display: bool = True) -> None:
    """MyST-NB's `glue` where MyST-NB is missing: show the value as the cell's output, store nothing."""
    if display:
        from IPython.display import display as show

        show(value)


try:
    from myst_nb import glue as _myst_glue
except ModuleNotFoundError:
    _myst_glue = _show_glued

_bound_by_glue: set[str] = set()


def inline_name(name: str) -> str:
    """`name` as a Python name: other characters become '_', and a leading digit gets a '_' before it."""
    identifier = re.sub(r"\W", "_", name)
    return f"_{identifier}" if identifier[:1].isdigit() else identifier


def glue(name: str, value: Any, display: bool = False) -> None:
    """Glue `value` for the book under `inline_name(name)` and bind it to that name in the notebook."""
    name = inline_name(name)
    _myst_glue(name, value, display=display)
    namespace = _notebook_namespace()
    if namespace is None:
        return
    if name in namespace and name not in _bound_by_glue and namespace[name] is not value:
        raise ValueError(f"glue({name!r}, ...) would overwrite the notebook's own variable {name!r}")
    namespace[name] = value
    _bound_by_glue.add(name)


def _notebook_namespace() -> dict | None:
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    shell = get_ipython()
    return None if shell is None else shell.user_ns
