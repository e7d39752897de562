"""What each notebook reads, so that a change re-runs only the chapters it touches.

Jupyter Book's execution cache keys a notebook on its code cells alone. A
chapter's results also depend on the tables it loads and on the `cnkz`
modules it imports, so each notebook gets a digest of exactly those:

- tables: every `load("name")` (or `resource_path("name")`) with a literal
  name, in the notebook or in a cnkz module it imports, plus the tables those
  reference (a table is validated with its foreign keys); a `load(x)` with a
  computed name means every table;
- modules: the cnkz modules the notebook imports, with everything they
  import in turn and the packages' `__init__` files.

The scan reads source text only; it imports nothing.
"""

from __future__ import annotations

import ast
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

LOADERS = {"load", "resource_path"}
OWNERS = {"cnkz", "datapackage", "loading", "descriptor"}  # names a loader is called on
PACKAGE = "cnkz"
EVERY_TABLE = "*"


@dataclass
class Reads:
    """The tables and cnkz modules a piece of code reads."""

    tables: set[str] = field(default_factory=set)
    modules: set[str] = field(default_factory=set)


def notebook_code(notebook: Path) -> str:
    """The code cells of a notebook, without IPython magics and shell lines."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    lines = []
    for cell in cells:
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            lines += [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    return "\n".join(lines)


def scan(code: str, module: str = "", is_package: bool = False) -> Reads:
    """Tables loaded and cnkz modules imported by `code` (the source of module `module`, if any;
    `is_package` if that source is a package's `__init__.py`, which relative imports start from)."""
    reads = Reads()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Call):
            if _is_loader(node.func) and node.args:
                first = node.args[0]
                literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
                reads.tables.add(first.value if literal else EVERY_TABLE)
        elif isinstance(node, ast.Import):
            reads.modules |= {alias.name for alias in node.names if _ours(alias.name)}
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, module, is_package)
            if _ours(base):
                reads.modules.add(base)
                reads.modules |= {f"{base}.{alias.name}" for alias in node.names}
    return reads


def _is_loader(func: ast.expr) -> bool:
    """`load(...)`, or `cnkz.load(...)` and the like; not `json.load(...)`."""
    if isinstance(func, ast.Name):
        return func.id in LOADERS
    return (
        isinstance(func, ast.Attribute) and func.attr in LOADERS and getattr(func.value, "id", None) in OWNERS
    )


def _ours(name: str | None) -> bool:
    return bool(name) and (name == PACKAGE or name.startswith(PACKAGE + "."))


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str | None:
    if not node.level:
        return node.module
    parts = module.split(".")
    base = parts[: len(parts) - node.level + (1 if is_package else 0)]
    return ".".join(base + ([node.module] if node.module else []))


def module_file(name: str, package_dir: Path) -> Path | None:
    """The source file of cnkz module `name`, or None if `name` is not a module (a function, say)."""
    parts = name.split(".")[1:]
    candidates = [package_dir.joinpath(*parts, "__init__.py")]
    if parts:
        candidates.append(package_dir.joinpath(*parts[:-1], parts[-1] + ".py"))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None


def closure(reads: Reads, package_dir: Path) -> Reads:
    """`reads` with every module those modules import, their parent packages, and the tables they load."""
    total = Reads(set(reads.tables), set())
    pending = sorted(reads.modules)
    while pending:
        name = pending.pop()
        if name in total.modules:
            continue
        path = module_file(name, package_dir)
        if path is None:
            continue
        total.modules.add(name)
        inner = scan(path.read_text(encoding="utf-8"), name, is_package=path.name == "__init__.py")
        total.tables |= inner.tables
        parents = [".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)]
        pending += sorted((inner.modules | set(parents)) - total.modules)
    return total


def tables_with_references(tables: set[str], descriptor: dict) -> set[str]:
    """`tables` and every table they reference (foreign keys, listOf); all tables for EVERY_TABLE."""
    resources = {resource["name"]: resource for resource in descriptor["resources"]}
    if EVERY_TABLE in tables:
        return set(resources)
    wanted, pending = set(), sorted(tables)
    while pending:
        name = pending.pop()
        if name in wanted or name not in resources:
            continue
        wanted.add(name)
        schema = resources[name].get("schema", {})
        pending += [key["reference"]["resource"] or name for key in schema.get("foreignKeys", [])]
        pending += [
            f["listOf"]["resource"] for f in schema.get("fields", []) if "resource" in f.get("listOf", {})
        ]
    return wanted


def reads_of(notebook: Path, data_dir: Path, package_dir: Path) -> Reads:
    """The tables (with the tables they reference) and cnkz modules a notebook reads."""
    reads = closure(scan(notebook_code(notebook)), package_dir)
    if reads.tables:
        reads.tables = tables_with_references(reads.tables, _descriptor(data_dir))
    return reads


def notebook_digest(notebook: Path, data_dir: Path, package_dir: Path) -> str:
    """SHA-256 over what `reads_of` finds: each table's file and descriptor entry, each module's source."""
    reads = reads_of(notebook, data_dir, package_dir)
    resources = (
        {resource["name"]: resource for resource in _descriptor(data_dir)["resources"]}
        if reads.tables
        else {}
    )
    digest = hashlib.sha256()
    for name in sorted(reads.tables):
        digest.update(json.dumps(resources[name], sort_keys=True).encode())
        digest.update((data_dir / resources[name]["path"]).read_bytes())
    for name in sorted(reads.modules):
        digest.update(name.encode() + b"\0" + module_file(name, package_dir).read_bytes())
    return digest.hexdigest()


def _descriptor(data_dir: Path) -> dict:
    return json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
