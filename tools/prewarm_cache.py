"""Execute the chapters' notebooks in parallel into Jupyter Book's cache before a build.

Jupyter Book runs notebooks one after another; on two cores this step runs
them two at a time. It first removes the cached results of notebooks whose
inputs changed (the same per-notebook digests as cnkz_build.sphinxext), then
executes every notebook without a cached result. The build then finds them
in the cache. Usage: python tools/prewarm_cache.py [BUILD_DIR]
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from cnkz_build.kernels import use_private_sockets
from cnkz_build.settings import REPO, execution_timeout
from cnkz_build.sphinxext import chapter_notebooks, notebook_digests, refresh_cache

DONE = "cnkz-prewarmed.sha256"


def main(build_dir: Path) -> int:
    use_private_sockets()
    cache_dir = build_dir / ".jupyter_cache"
    notebooks = chapter_notebooks(REPO / "book")
    digests = notebook_digests(notebooks, REPO, REPO / "data", REPO / "src" / "cnkz")
    sources = {
        nb.relative_to(REPO).as_posix(): hashlib.sha256(nb.read_bytes()).hexdigest() for nb in notebooks
    }
    done = hashlib.sha256(json.dumps([digests, sources], sort_keys=True).encode()).hexdigest()
    if (cache_dir / DONE).is_file() and (cache_dir / DONE).read_text() == done:
        return 0  # nothing changed: the cache is complete, and importing jupyter-cache would cost seconds
    refresh_cache(cache_dir, REPO, digests)

    from jupyter_cache import get_cache
    from jupyter_cache.executors import load_executor

    cache = get_cache(str(cache_dir))
    for notebook in notebooks:
        cache.add_nb_to_project(str(notebook))
    result = load_executor("local-parallel", cache=cache).run_and_cache(
        timeout=execution_timeout(), allow_errors=False
    )
    if result.errored:
        # jupyter-cache's parallel workers can race when they write the cache (a record removed while another
        # worker adds its file); whatever did not get cached runs again, one at a time.
        result = load_executor("local-serial", cache=cache).run_and_cache(
            timeout=execution_timeout(), allow_errors=False
        )
    for uri in result.errored:
        print(f"notebook failed: {uri} (the build will report the error)", file=sys.stderr)
    if all(cache.get_cached_project_nb(str(notebook)) is not None for notebook in notebooks):
        (cache_dir / DONE).write_text(done)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "_build"))
