import importlib.util
import sys

import IPython.display
import pytest
from IPython.core.interactiveshell import InteractiveShell

from cnkz.display import inline


def test_a_glued_key_becomes_a_python_name():
    assert inline.inline_name("gap_low") == "gap_low"
    assert inline.inline_name("2012-khorgos-icbc-opens-n") == "_2012_khorgos_icbc_opens_n"
    assert inline.inline_name("2012-x").isidentifier()


@pytest.fixture
def shell():
    shell = InteractiveShell.instance()
    yield shell
    InteractiveShell.clear_instance()
    inline._bound_by_glue.clear()  # as a new kernel would start


def test_glue_binds_the_value_for_jupyterlab_and_may_bind_it_again(shell):
    inline.glue("share-2023", "12%")
    assert shell.user_ns["share_2023"] == "12%"
    inline.glue("share-2023", "13%")  # a re-run cell glues a new value
    assert shell.user_ns["share_2023"] == "13%"


def test_glue_never_replaces_a_variable_of_the_notebook(shell):
    shell.user_ns["total"] = 41.97
    with pytest.raises(ValueError, match="overwrite the notebook's own variable 'total'"):
        inline.glue("total", "42.0")
    assert shell.user_ns["total"] == 41.97
    inline.glue("total", shell.user_ns["total"])  # the variable itself may be glued


def test_without_myst_nb_glue_shows_the_value_unless_told_not_to_and_still_binds_it(shell, monkeypatch):
    """JupyterLite and a bare Colab have no MyST-NB: the chapters' glue must still run."""
    monkeypatch.setitem(sys.modules, "myst_nb", None)  # `import myst_nb` now raises ModuleNotFoundError
    spec = importlib.util.spec_from_file_location("inline_without_myst_nb", inline.__file__)
    bare = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bare)
    shown = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    bare.glue("share", 0.25, display=True)
    bare.glue("hidden", 0.5)
    assert shown == [0.25]
    assert shell.user_ns["share"] == 0.25 and shell.user_ns["hidden"] == 0.5
