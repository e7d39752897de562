"""Sphinx extension: the chapters in the browser (JupyterLite with a Pyodide kernel), served by the site itself.

It prepares, for jupyterlite-sphinx's `jupyter lite build`, a fresh folder in
the build directory on every build:

- `static/pyodide/`: Pyodide's core (npm package `pyodide`) and the wheels
  the book needs, each checked against Pyodide's official lock
  (`pyodide_packages.checked_files`), plus two wheels made here from `src/`:
  `cnkz` and `myst_nb` (a one-function stand-in: MyST-NB itself does not run in
  Pyodide). The `pyodide-lock.json` served lists exactly these files, so an
  `import cnkz` loads them and their dependencies, from this site only.
- `contents/`: the notebooks, without their outputs, in `book/`, and the
  data package in `data/`, as in the repository (cnkz finds `../data`).

A fresh folder means no stale `.jupyterlite.doit.db` can skip the step that
points the kernel at the local Pyodide. After the build, `check_local_pyodide`
fails the build if the app would load Pyodide from anywhere but this site.
Each notebook page gets a "Run in the browser" link: a plain link, so the page
itself loads nothing of the app until it is followed.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import io
import json
import shutil
import zipfile
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlparse

from docutils import nodes

from . import pyodide_packages, web_assets
from .settings import REPO

LITE_OUTPUT = "lite"  # jupyterlite-sphinx's folder in the site
APP = "notebooks"  # Jupyter Notebook's one-document interface: lighter than JupyterLab for a class
PYODIDE_CORE = ["pyodide.js", "pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip"]
KERNEL_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"
SHIM = Path(__file__).parent / "browser" / "myst_nb.py"
WHEEL_DATE = (1980, 1, 1, 0, 0, 0)  # fixed, so two builds give the same bytes
LINK_TEXT = "Run in the browser"


def wheel(name: str, wheel_version: str, files: dict[str, bytes]) -> tuple[str, bytes]:
    """A pure-Python wheel (file name, bytes) holding `files` (archive name -> content)."""
    dist_info = f"{name}-{wheel_version}.dist-info"
    files = {
        **files,
        f"{dist_info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {wheel_version}\n".encode(),
        f"{dist_info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: cnkz_build.lite\nRoot-Is-Purelib: true\n"
        b"Tag: py3-none-any\n",
    }
    record = [f"{path},sha256={_urlsafe_sha256(data)},{len(data)}" for path, data in sorted(files.items())]
    files[f"{dist_info}/RECORD"] = ("\n".join([*record, f"{dist_info}/RECORD,,"]) + "\n").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in sorted(files.items()):
            archive.writestr(zipfile.ZipInfo(path, WHEEL_DATE), data)
    return f"{name}-{wheel_version}-py3-none-any.whl", buffer.getvalue()


def _urlsafe_sha256(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def package_files(package: Path) -> dict[str, bytes]:
    """The Python files of a package folder, by their name inside a wheel."""
    return {
        path.relative_to(package.parent).as_posix(): path.read_bytes()
        for path in sorted(package.rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def book_wheels() -> dict[str, tuple[str, bytes, list[str]]]:
    """Lock name -> (file name, bytes, depends) of the wheels made from this repository."""
    cnkz_name, cnkz_wheel = wheel("cnkz", version("cnkz"), package_files(REPO / "src" / "cnkz"))
    shim_name, shim_wheel = wheel("myst_nb", "0+cnkz", {"myst_nb.py": SHIM.read_bytes()})
    # cnkz.display.inline imports myst_nb: Pyodide loads only what the lock's `depends` name for a module
    # that a cell imports indirectly.
    cnkz_depends = ["pandas", "matplotlib", "myst-nb"]
    return {"cnkz": (cnkz_name, cnkz_wheel, cnkz_depends), "myst-nb": (shim_name, shim_wheel, [])}


def served_lock(official: dict, shipped: list[str], added: dict[str, tuple[str, bytes, list[str]]]) -> dict:
    """Pyodide's lock cut to the packages shipped, plus the book's own wheels."""
    lock = {"info": copy.deepcopy(official["info"]), "packages": {}}
    for name in shipped:
        lock["packages"][name] = copy.deepcopy(official["packages"][name])
    for name, (file_name, data, depends) in added.items():
        lock["packages"][name] = {
            "name": name,
            "version": file_name.split("-")[1],
            "file_name": file_name,
            "install_dir": "site",
            "sha256": hashlib.sha256(data).hexdigest(),
            "package_type": "package",
            "imports": [name.replace("-", "_")],
            "depends": depends,
            "unvendored_tests": False,
        }
    return lock


def stage_pyodide(target: Path) -> None:
    """Pyodide's core, the checked wheels and the book's wheels, with the lock that lists them."""
    target.mkdir(parents=True)
    core = web_assets.package_dir("pyodide")
    for name in PYODIDE_CORE:
        shutil.copyfile(core / name, target / name)
    official = pyodide_packages.official_lock()
    for path in pyodide_packages.checked_files():
        shutil.copyfile(path, target / path.name)
    added = book_wheels()
    for file_name, data, _ in added.values():
        (target / file_name).write_bytes(data)
    lock = served_lock(official, pyodide_packages.needed(official), added)
    (target / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n")


def stage_contents(target: Path, notebooks: list[Path], book_dir: Path, data_dir: Path) -> None:
    """The notebooks (outputs cleared: a student sees what the browser computes) and the data.

    The prose's inline values stay in the markdown cells' metadata: the app's MyST extension
    (jupyterlab-myst, copied in from the environment like any prebuilt JupyterLab extension) shows them,
    and shows them anew when the cell is run."""
    import nbformat

    for notebook in notebooks:
        content = nbformat.read(notebook, as_version=4)
        for cell in content.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        destination = target / "book" / notebook.relative_to(book_dir)
        destination.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(content, destination)
    if data_dir.is_dir():  # a book without data (the launch tests' one-page probe) has none to ship
        shutil.copytree(data_dir, target / "data")


def lite_config() -> dict:
    """jupyter_lite_config.json: no sourcemaps (45 MB), comm for the kernel from this site, not PyPI."""
    comm = next(path for path in pyodide_packages.checked_files() if path.name.startswith("comm-"))
    return {
        "LiteBuildConfig": {"no_sourcemaps": True, "no_unused_shared_packages": True},
        "PipliteAddon": {"piplite_urls": [str(comm)]},
    }


def app_settings() -> dict:
    """jupyter-lite.json of the lite folder: the kernel never falls back to PyPI."""
    return {
        "jupyter-lite-schema-version": 0,
        "jupyter-config-data": {"litePluginSettings": {KERNEL_PLUGIN: {"disablePyPIFallback": True}}},
    }


def settings_overrides() -> dict:
    """Every cell in the page, not only those in view: a student scrolls a whole chapter, the tests see it."""
    return {"@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"}}


def check_local_pyodide(lite: Path) -> None:
    """Fail unless every jupyter-lite.json of the built app points the kernel at this site's Pyodide."""
    configs = sorted(lite.rglob("jupyter-lite.json"))
    if not configs:
        raise RuntimeError(f"{lite}: no jupyter-lite.json, so no in-browser app was built")
    found = False
    for config in configs:
        data = json.loads(config.read_text(encoding="utf-8"))
        settings = data.get("jupyter-config-data", {}).get("litePluginSettings", {}).get(KERNEL_PLUGIN, {})
        url = settings.get("pyodideUrl")
        if url is None:
            continue
        found = True
        if urlparse(url).scheme or url.startswith("//"):
            raise RuntimeError(f"{config}: pyodideUrl {url!r} is not on this site (a CDN?); build refused")
        if not (config.parent / url).resolve().is_file():
            raise RuntimeError(f"{config}: pyodideUrl {url!r} names no file of the site")
    if not found:
        raise RuntimeError(
            f"{lite}: no pyodideUrl set, so the kernel would load Pyodide from a CDN; build refused"
        )


def run_link(docname: str) -> str:
    """The address, relative to the page, that opens the page's notebook in the in-browser app."""
    up = "../" * docname.count("/")
    return f"{up}{LITE_OUTPUT}/{APP}/index.html?path={docname}.ipynb"


# Sphinx wiring


def _work_dir(app) -> Path:
    return Path(app.outdir).parent / "jupyterlite"


# jupyterlite-sphinx empties this folder (under the source folder) at config-inited; the real,
# per-build paths are set at builder-inited, after Sphinx has hashed the config into .buildinfo,
# so two builds in different folders still write the same .buildinfo.
PLACEHOLDER_CONTENTS = "_build/.jupyterlite-placeholder"


def _on_config_inited(app, config) -> None:
    config.jupyterlite_content_dir = PLACEHOLDER_CONTENTS
    config.jupyterlite_bind_ipynb_suffix = False  # MyST-NB reads the notebooks


def _on_builder_inited(app) -> None:
    """A fresh lite folder for this build, with our config, Pyodide and the contents in it."""
    shutil.rmtree(Path(app.srcdir) / PLACEHOLDER_CONTENTS, ignore_errors=True)
    if app.builder.format != "html":
        return
    from .sphinxext import chapter_notebooks

    work = _work_dir(app)
    shutil.rmtree(work, ignore_errors=True)
    (Path(app.srcdir) / ".jupyterlite.doit.db").unlink(missing_ok=True)  # `jupyter lite build` runs there
    config = app.config
    config.jupyterlite_dir = str(work)
    config.jupyterlite_content_dir = str(work / "contents")  # absolute: Path(srcdir) / it is this path
    config.jupyterlite_config = str(work / "jupyter_lite_config.json")
    config.jupyterlite_overrides = str(work / "overrides.json")
    root = Path(app.srcdir)
    book_dir = root / config.cnkz_book_dir
    stage_pyodide(work / "static" / "pyodide")
    stage_contents(work / "contents", chapter_notebooks(book_dir), book_dir, root / config.cnkz_data_dir)
    (work / "jupyter_lite_config.json").write_text(json.dumps(lite_config(), indent=1) + "\n")
    (work / "jupyter-lite.json").write_text(json.dumps(app_settings(), indent=1) + "\n")
    (work / "overrides.json").write_text(json.dumps(settings_overrides(), indent=1) + "\n")


def _on_doctree_resolved(app, doctree, docname) -> None:
    if app.builder.format != "html" or not app.env.doc2path(docname).endswith(".ipynb"):
        return
    link = nodes.raw(
        "",
        f'<p class="cnkz-run-in-browser"><a href="{run_link(docname)}">{LINK_TEXT}</a>: '
        "this notebook in JupyterLite, with Python running in your browser (no install; "
        "the first start takes a few seconds).</p>",
        format="html",
    )
    title = next(iter(doctree.findall(nodes.title)), None)
    if title is not None:
        title.parent.insert(title.parent.index(title) + 1, link)


def _on_build_finished(app, error) -> None:
    if error is None and app.builder.format == "html":
        check_local_pyodide(Path(app.outdir) / LITE_OUTPUT)


def setup(app):
    app.setup_extension("jupyterlite_sphinx")
    # jupyterlite-sphinx adds a web font from Google to every page; the book loads nothing from elsewhere.
    app.registry.css_files = [
        (name, attrs) for name, attrs in app.registry.css_files if not urlparse(name).scheme
    ]
    app.connect("config-inited", _on_config_inited, priority=450)  # jupyterlite-sphinx's runs at 500
    app.connect("builder-inited", _on_builder_inited)
    app.connect("doctree-resolved", _on_doctree_resolved)
    app.connect("build-finished", _on_build_finished, priority=900)  # after `jupyter lite build`
    return {"parallel_read_safe": True, "parallel_write_safe": True}
