"""Execute the chapters' notebooks in parallel into Jupyter Book's cache before a build.

Jupyter Book runs notebooks one after another; on two cores this step runs
them two at a time. It stamps the cache with the same input hash as
cnkz.sphinxext (so a stale cache is emptied first), adds every notebook of
the table of contents, and executes those without a cached result. The build
then finds them in the cache. Usage: python tools/prewarm_cache.py [BUILD_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from cnkz.sphinxext import default_inputs, inputs_digest, refresh_cache

REPO = Path(__file__).resolve().parents[1]
DONE = "cnkz-prewarmed.sha256"


def main(build_dir: Path) -> int:
    cache_dir = build_dir / ".jupyter_cache"
    notebooks = [nb for nb in sorted((REPO / "book").rglob("*.ipynb")) if ".ipynb_checkpoints" not in nb.parts]
    inputs = inputs_digest(default_inputs())
    done = inputs_digest([*notebooks]) + inputs  # notebooks and inputs as they were at the last run
    if (cache_dir / DONE).is_file() and (cache_dir / DONE).read_text() == done:
        return 0  # nothing changed: the cache is complete, and importing jupyter-cache would cost seconds
    refresh_cache(cache_dir, inputs)

    from jupyter_cache import get_cache
    from jupyter_cache.executors import load_executor

    cache = get_cache(str(cache_dir))
    for notebook in notebooks:
        cache.add_nb_to_project(str(notebook))
    result = load_executor("local-parallel", cache=cache).run_and_cache(timeout=120, allow_errors=False)
    for uri in result.errored:
        print(f"notebook failed: {uri} (the build will report the error)", file=sys.stderr)
    if all(cache.get_cached_project_nb(str(notebook)) is not None for notebook in notebooks):
        (cache_dir / DONE).write_text(done)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "_build"))
