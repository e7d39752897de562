"""How the build's notebook kernels talk to the process that runs them: over sockets no one else can use.

By default jupyter_client picks five free TCP ports per kernel, closes them and lets the kernel bind them
again. Kernels started in parallel (the pre-run, pytest -n) can pick the same port in that gap, and the loser
fails with "Address already in use"; and ipykernel warns that plain TCP is unencrypted. This provisioner
(registered in pyproject.toml) gives each kernel Unix sockets in a folder of its own, which has neither
problem; where ZeroMQ has no Unix sockets (Windows) it keeps TCP and provisions CurveZMQ keys instead.
`use_private_sockets()` makes it the default for the kernels this process and its children start.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from importlib.metadata import entry_points
from typing import Any

import zmq
from jupyter_client.provisioning import LocalProvisioner

NAME = "cnkz-private-sockets"
DEFAULT_PROVISIONER = "JUPYTER_DEFAULT_PROVISIONER_NAME"  # read by jupyter_client's provisioner factory


def unix_sockets_available() -> bool:
    return os.name != "nt" and zmq.has("ipc")


class PrivateSocketProvisioner(LocalProvisioner):
    """The local provisioner, with Unix sockets in a private folder (or encrypted TCP where there are none)."""

    socket_folder: str | None = None

    async def pre_launch(self, **kwargs: Any) -> dict[str, Any]:
        manager = self.parent
        if manager is not None and self.socket_folder is None:
            if unix_sockets_available():
                # mkdtemp: a new folder only this user can enter, so no two kernels share socket names
                self.socket_folder = tempfile.mkdtemp(prefix="kernel-")
                manager.transport = "ipc"
                manager.ip = os.path.join(self.socket_folder, "ipc")
            elif zmq.has("curve"):
                manager.transport_encryption = "auto"
        return await super().pre_launch(**kwargs)

    async def cleanup(self, restart: bool = False) -> None:
        await super().cleanup(restart=restart)
        if not restart and self.socket_folder is not None:
            shutil.rmtree(self.socket_folder, ignore_errors=True)
            self.socket_folder = None


def use_private_sockets() -> None:
    """Start this process's kernels (and its children's) with the provisioner above, once it is installed.

    A .venv made before the provisioner existed keeps jupyter_client's default instead of failing.
    """
    if entry_points(group="jupyter_client.kernel_provisioners", name=NAME):
        os.environ.setdefault(DEFAULT_PROVISIONER, NAME)
