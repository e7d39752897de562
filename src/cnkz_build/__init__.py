"""Build machinery for the book, apart from the analysis library.

- `inputs`: what each notebook reads (tables, cnkz modules), so that a change
  re-runs only the chapters it touches.
- `sphinxext`: the Sphinx extension that applies that to Jupyter Book's cache,
  and wires in `launch` (Binder/Colab buttons) and `latex` (the PDF).
- `settings`: the build's flags and timeouts, defined once for the Makefile
  and the tools.
- `python -m cnkz_build repository URL`: set the book's public address.

No chapter imports this package, and nothing here imports `cnkz` or pandas,
so editing it never re-runs a notebook.
"""
