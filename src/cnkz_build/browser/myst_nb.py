"""MyST-NB's `glue`, for the chapters in the browser (JupyterLite), where MyST-NB itself cannot run.

In the book, `glue(name, value)` stores a value for the text to quote and, unless
`display=False`, shows it as the cell's output. Here there is no text to quote
into, so it shows the value the same way and nothing more. `cnkz_build.lite`
ships this file to the browser as the module `myst_nb`; it is never imported
on the build machine.
"""

from IPython.display import display as _display


def glue(name: str, variable, display: bool = True) -> None:
    if display:
        _display(variable)
