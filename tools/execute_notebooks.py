"""Re-execute chapter notebooks in place, so their stored outputs match the data.

`make execute` runs this after a change in data/ or src/cnkz; nbval then
checks that the stored outputs are what the code produces. Stderr is dropped
(warnings are not part of a chapter) and cell ids are kept. The values of the
prose's inline expressions are stored for JupyterLab (`cnkz_build.lab`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from cnkz_build.kernels import use_private_sockets
from cnkz_build.lab import store_user_expressions
from cnkz_build.settings import execution_timeout
from cnkz_build.sphinxext import chapter_notebooks


def execute(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=execution_timeout(),
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not (o.output_type == "stream" and o.name == "stderr")]
            cell.metadata.pop("execution", None)
    try:
        store_user_expressions(notebook)  # the prose's values, for JupyterLab
    except ValueError as error:
        raise SystemExit(f"{path}: {error}") from None
    nbformat.write(notebook, path)


if __name__ == "__main__":
    use_private_sockets()
    paths = [Path(p) for p in sys.argv[1:]] or chapter_notebooks(Path("book"))
    for path in paths:
        execute(path)
        print(f"executed {path}")
