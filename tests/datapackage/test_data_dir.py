"""Where cnkz finds the data: the repository's data/, or, installed as a wheel (the browser), ../data."""

from cnkz.datapackage import descriptor


def test_a_wheel_install_finds_the_data_next_to_the_notebooks_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("CNKZ_DATA", raising=False)
    monkeypatch.setattr(descriptor, "book_root", lambda: tmp_path / "site-packages")
    (tmp_path / "drive" / "data").mkdir(parents=True)
    (tmp_path / "drive" / "data" / descriptor.DESCRIPTOR).write_text("{}")
    (tmp_path / "drive" / "book").mkdir()
    monkeypatch.chdir(tmp_path / "drive" / "book")
    assert descriptor.default_data_dir() == tmp_path / "drive" / "data"


def test_the_repository_data_comes_first(tmp_path, monkeypatch):
    monkeypatch.delenv("CNKZ_DATA", raising=False)
    monkeypatch.chdir(tmp_path)
    assert (descriptor.default_data_dir() / descriptor.DESCRIPTOR).is_file()
    assert descriptor.default_data_dir() == descriptor.book_root() / "data"
