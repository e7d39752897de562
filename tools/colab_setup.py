"""Run by each chapter's first cell on Google Colab, after it has cloned the book to /content/book.

Installs the packages the chapters import, at the versions of the book's lock
(requirements.txt), makes `cnkz` importable and moves to `book/`, so that the
chapter's cells run as they do on a local copy. Colab cannot be reached from
the machines that test this book, so this script is not tested there.
"""

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

BOOK = Path(__file__).resolve().parents[1]
PIP = [sys.executable, "-m", "pip", "install", "--quiet", "-c", str(BOOK / "requirements.txt")]

already_imported = {name: version(name) for name in ("pandas", "numpy", "matplotlib") if name in sys.modules}
subprocess.run([*PIP, "pandas", "numpy", "matplotlib", "docutils"], check=True)
# The chapters use only myst_nb.glue, which needs docutils (above) and IPython, traitlets and
# nbformat, which a Jupyter runtime has; myst-nb's full dependencies would replace its IPython.
subprocess.run([*PIP, "--no-deps", "myst-nb"], check=True)
sys.path.insert(0, str(BOOK / "src"))
os.chdir(BOOK / "book")

changed = [name for name, before in already_imported.items() if version(name) != before]
if changed:
    print(
        f"Installed new versions of {', '.join(changed)}, which this session had already loaded: "
        "restart the session (Runtime > Restart session) and run this cell again."
    )
else:
    print(f"The book is in {BOOK}; the chapter's cells can now run.")
