"""The PDF's handling of Chinese text and of tables without column widths (cnkz.latex, cnkz.sphinxext)."""

from types import SimpleNamespace

from docutils import nodes

from cnkz_build.latex import cjk_characters, cjk_preamble, column_widths, exercise_label_aliases
from cnkz_build.sphinxext import _on_doctree_resolved


def test_cjk_characters_are_collected_from_data_files_once_each(tmp_path):
    (tmp_path / "glossary.csv").write_text(
        "term,chinese\nAstana,阿斯塔纳\nAstana again,阿斯塔纳、北京\n", encoding="utf-8"
    )
    (tmp_path / "notes.txt").write_text("上海", encoding="utf-8")  # not a data file the book reads
    assert cjk_characters([tmp_path]) == sorted(set("阿斯塔纳、北京"))


def test_each_character_sets_itself_in_the_cjk_font_without_naming_itself():
    preamble = cjk_preamble(["中"])
    assert "\\newfontfamily\\cjkfont{Droid Sans Fallback}" in preamble
    line = next(line for line in preamble.splitlines() if line.startswith("\\newunicodechar"))
    assert line == "\\newunicodechar{中}{{\\cjkfont\\char20013 }\\hspace{0pt}}"
    assert line.count("中") == 1  # the definition must not contain the (active) character again


def test_a_column_of_long_descriptions_gets_more_room_but_not_all_of_it():
    rows = [
        ["Term", "What it is", "Code"],
        ["Astana", "Capital of Kazakhstan since 1997, known as Nur-Sultan in 2019-2022.", "x"],
        ["Almaty", "Largest city and capital until 1997.", ""],
    ]
    term, description, code = column_widths(rows)
    assert description > term > code
    assert description <= 100 and code >= 20


def test_chinese_counts_double_width():
    assert column_widths([["中国"], ["中国"]]) == column_widths([["abcd"], ["abcd"]])


def table(*rows, classes=("colwidths-auto",)):
    tgroup = nodes.tgroup(cols=len(rows[0]))
    tgroup += [nodes.colspec() for _ in rows[0]]
    body = nodes.tbody()
    for cells in rows:
        row = nodes.row()
        row += [nodes.entry("", nodes.paragraph(text=cell)) for cell in cells]
        body += row
    tgroup += body
    return nodes.table("", tgroup, classes=list(classes))


def test_only_latex_builds_get_widths_and_given_widths_are_kept():
    auto = table(["a", "a much longer cell of text"])
    given = table(["a", "b"], classes=("colwidths-given",))
    doctree = nodes.document(None, None)
    doctree += [auto, given]
    _on_doctree_resolved(SimpleNamespace(builder=SimpleNamespace(format="html")), doctree, "page")
    assert "colwidths-auto" in auto["classes"]
    _on_doctree_resolved(SimpleNamespace(builder=SimpleNamespace(format="latex")), doctree, "page")
    assert auto["classes"] == ["colwidths-given"]
    assert [spec["colwidth"] for spec in auto.findall(nodes.colspec)] == column_widths(
        [["a", "a much longer cell of text"]]
    )
    assert not any("colwidth" in spec for spec in given.findall(nodes.colspec))


def test_a_long_identifier_widens_its_column_of_short_numbers():
    numbers = [["n"], ["1"], ["22"]]
    identifier = [["years_since_previous"], ["1"], ["22"]]
    assert column_widths(identifier)[0] > column_widths(numbers)[0]
    assert column_widths(identifier)[0] >= 2.5 * len("years_since_previous")


def test_an_exercise_referenced_from_another_page_has_a_latex_label(tmp_path):
    """The teaching guide refers to exercises on other pages; in the PDF those references printed '??'."""
    import subprocess
    import sys

    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['myst_nb', 'sphinx_exercise', 'cnkz_build.sphinxext']\ncnkz_book_dir = '.'\n"
    )
    (src / "index.md").write_text("# Book\n```{toctree}\na\nb\n```\n")
    (src / "a.md").write_text("# A\n```{exercise}\n:label: a-ex-one\nDo it.\n```\n")
    (src / "b.md").write_text("# B\nSee {ref}`the exercise <a-ex-one>`.\n")
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "latex", str(src), str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    tex = next((tmp_path / "out").glob("*.tex")).read_text()
    assert r"\hyperref[\detokenize{a:a-ex-one}]" in tex
    assert r"\label{\detokenize{a:a-ex-one}}" in tex


def test_the_pdf_check_finds_wrapped_undefined_references_and_missing_characters():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "tools" / "check_pdf_log.py"
    spec = importlib.util.spec_from_file_location("check_pdf_log", path)
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    log = (
        "LaTeX Warning: Reference `book/history:history-ex-rule' on page 147 undefined o\n"
        "n input line 20614.\n"
        "Missing character: There is no 哈 in font FreeSerif:mode=node;script=latn;language=dflt;!\n"
        "LaTeX Warning: There were undefined references.\n"
    )
    assert check.problems(log) == [
        "undefined reference: book/history:history-ex-rule",
        "missing character: 哈",
    ]
    assert check.problems("Output written on china-kazakhstan.pdf (150 pages).\n") == []


def test_exercises_in_the_assembled_book_get_the_label_other_pages_point_to():
    from sphinx import addnodes

    exercise = type("exercise_enumerable_node", (nodes.Element,), {})
    book = nodes.document("", None)
    page = addnodes.start_of_file(docname="book/trade")
    page += exercise("", nodes.paragraph(text="Compute a share."), label="trade-ex-reporter")
    book += page
    exercise_label_aliases(book)
    exercise_label_aliases(book)  # a second pass (the page was read for LaTeX too) adds nothing
    aliases = [raw.astext() for raw in book.findall(nodes.raw)]
    assert aliases == [r"\phantomsection\label{\detokenize{book/trade:trade-ex-reporter}}"]
