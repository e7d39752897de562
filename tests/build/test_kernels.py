"""The build's kernels: Unix sockets in a private folder, or encrypted TCP where there are none."""

import os

import pytest
from jupyter_client.manager import KernelManager
from jupyter_client.provisioning.factory import KernelProvisionerFactory

from cnkz_build import kernels


@pytest.fixture
def provisioned(monkeypatch, tmp_path):
    """Start a kernel through the provisioner (as the pre-run, nbval and execute do); yields its manager."""
    factory = KernelProvisionerFactory.instance()  # reads JUPYTER_DEFAULT_PROVISIONER_NAME once per process
    started = []

    def start(provisioner=kernels.NAME):
        monkeypatch.setattr(factory, "default_provisioner_name", provisioner)
        manager = KernelManager(kernel_name="python3")
        manager.log_path = tmp_path / f"kernel-{len(started)}.log"  # the kernel's own log (its stderr)
        with manager.log_path.open("w") as log:
            manager.start_kernel(stderr=log)
        started.append(manager)
        client = manager.client()
        client.start_channels()
        client.wait_for_ready(timeout=60)
        client.stop_channels()
        return manager

    yield start
    for manager in started:
        if manager.is_alive():
            manager.shutdown_kernel(now=True)


def test_a_kernel_talks_over_unix_sockets_in_a_folder_of_its_own_removed_after(provisioned):
    manager = provisioned()
    folder = os.path.dirname(manager.ip)
    assert manager.transport == "ipc"
    assert sorted(os.listdir(folder)) == [f"ipc-{port}" for port in sorted(manager.ports)]
    assert os.stat(folder).st_mode & 0o077 == 0, "other users can enter the sockets' folder"
    manager.shutdown_kernel()
    assert not os.path.exists(folder)


def test_two_kernels_never_share_a_socket_folder(provisioned):
    assert os.path.dirname(provisioned().ip) != os.path.dirname(provisioned().ip)


def test_without_unix_sockets_the_kernel_gets_curve_keys_and_does_not_warn(provisioned, monkeypatch):
    monkeypatch.setattr(kernels, "unix_sockets_available", lambda: False)  # as on Windows
    manager = provisioned()
    assert manager.transport == "tcp" and manager.curve_publickey is not None
    assert "without encryption" not in log_after_shutdown(manager)


def test_the_default_provisioner_warns_so_the_check_above_can_fail(provisioned):
    """The check above reads the kernel's log: with jupyter_client's default it finds the warning."""
    assert "without encryption" in log_after_shutdown(provisioned("local-provisioner"))


def log_after_shutdown(manager: KernelManager) -> str:
    manager.shutdown_kernel()
    return manager.log_path.read_text()


def test_the_provisioner_is_the_default_only_once_it_is_installed(monkeypatch):
    monkeypatch.delenv(kernels.DEFAULT_PROVISIONER, raising=False)
    monkeypatch.setattr(kernels, "entry_points", lambda **_: [])
    kernels.use_private_sockets()
    assert kernels.DEFAULT_PROVISIONER not in os.environ
    monkeypatch.setattr(kernels, "entry_points", lambda **_: ["registered"])
    kernels.use_private_sockets()
    assert os.environ[kernels.DEFAULT_PROVISIONER] == kernels.NAME


def test_the_provisioner_is_registered_in_this_environment():
    from importlib.metadata import entry_points

    (entry,) = entry_points(group="jupyter_client.kernel_provisioners", name=kernels.NAME)
    assert entry.load() is kernels.PrivateSocketProvisioner
