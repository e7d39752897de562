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
