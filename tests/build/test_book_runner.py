"""tools/book.py: the route without make, on Windows paths too (only the commands are built here)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def test_a_venv_python_is_in_scripts_on_windows_and_in_bin_elsewhere(book_runner):
    assert book_runner.venv_python(Path("env"), windows=True) == Path("env", "Scripts", "python.exe")
    assert book_runner.venv_python(Path("env"), windows=False) == Path("env", "bin", "python")


def test_every_command_runs_with_the_environment_python_and_no_shell_tool(book_runner):
    python = r"C:\book\.venv\Scripts\python.exe"
    for name, commands in book_runner.commands(python).items():
        for command in commands:
            assert command[0] == python, (name, command)
            assert not any("/bin/" in part for part in command), (name, command)


def test_the_build_and_the_tests_validate_the_data_first(book_runner):
    commands = book_runner.commands("python")
    validate = commands["validate"][0]
    assert commands["build"][0] == validate and commands["test"][0] == validate
    assert commands["build"][-1] == ["python", "tools/build_book.py"]
    fetch = ["python", "-m", "cnkz_build", "web-assets", "fetch"]
    assert fetch in commands["build"] and fetch in commands["test"] and fetch in commands["env"]


def test_the_lock_command_compiles_each_in_file_into_its_own_lock(book_runner):
    compiles = [command for command in book_runner.commands("python")["lock"] if "compile" in command]
    locks = {command[-3]: Path(command[-1]).name for command in compiles}
    assert locks == {
        "requirements.in": "requirements.txt",
        "requirements-lab.in": "requirements-lab.txt",
        "requirements-site.in": "requirements-site.txt",
    }
    assert all("--offline" not in command for command in compiles)
    assert ["python", "-m", "cnkz_build", "web-assets", "lock"] in book_runner.commands("python")["lock"]
    assert "--offline" in book_runner.compile_command("python", "requirements.in", Path("x"), offline=True)


def test_uv_is_installed_at_the_version_the_lock_pins(book_runner, tmp_path):
    lock = tmp_path / "requirements.txt"
    lock.write_text("urllib3==2.8.0\n    # via requests\nuv==0.13.9\n    # via -r requirements.in\n")
    assert book_runner.pinned_version("uv", lock) == "0.13.9"
    with pytest.raises(ValueError, match="pins no ruff"):
        book_runner.pinned_version("ruff", lock)


def test_without_a_venv_the_current_python_and_its_prefix_are_used(book_runner):
    environment = book_runner.Environment(None)
    assert environment.python == sys.executable
    assert environment.stamp("lab") == Path(sys.prefix) / ".installed-lab"


def test_an_unknown_command_is_refused(book_runner, capsys):
    with pytest.raises(SystemExit):
        book_runner.main(["publish"])
    assert "invalid choice" in capsys.readouterr().err


def test_with_one_bad_row_the_build_stops_with_the_validator_lines(make_package, tmp_path):
    """What `make book` prints after a data edit that breaks one row: a few lines naming file, row and field."""
    repo = Path(__file__).resolve().parents[2]
    copy = tmp_path / "book"
    for name in ["tools/book.py", "tools/check_python.py", "requirements.txt", "pyproject.toml"]:
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(repo / name, copy / name)
    shutil.copytree(make_package("outside_enum"), copy / "data")
    run = subprocess.run(
        [sys.executable, str(copy / "tools" / "book.py"), "--no-venv", "build"],
        capture_output=True,
        text=True,
    )
    lines = (run.stdout + run.stderr).splitlines()
    assert run.returncode == 1
    assert len(lines) <= 40
    assert lines[0] == "data/events.csv:4: theme: 'economy' is not one of ['history', 'security']"
    assert lines[-1] == "The data have problems (above); the book was not built."


def test_options_are_read_anywhere_and_other_words_go_to_the_last_command(book_runner, monkeypatch):
    ran, extras = [], []
    monkeypatch.setattr(book_runner.Environment, "ensure_main", lambda self: "")
    monkeypatch.setattr(book_runner.Environment, "ensure_extra", lambda self, name: extras.append(name))
    monkeypatch.setattr(book_runner, "run", ran.append)
    assert book_runner.main(["env", "--with", "site"]) == 0
    assert book_runner.main(["lab", "--allow-root", "--no-browser"]) == 0
    assert extras == ["site", "lab"]
    assert ran[-1][-4:] == ["jupyterlab", "book", "--allow-root", "--no-browser"]
