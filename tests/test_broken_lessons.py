"""Broken lesson files: each gives its one clear message, and never stops the others loading."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tutor.lessons.loader import load_folder, load_lesson
from tutor.lessons.model import BrokenLesson, Lesson
from tutor.lessons.shipped import shipped_lessons_dir

CORPUS = Path(__file__).parent / "broken_lessons"
CASES = sorted(CORPUS.glob("*.toml"))


def expected(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: ")
    return first.removeprefix("# expect: ")


def test_the_corpus_is_large() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_each_broken_file_gives_its_message(path: Path) -> None:
    result = load_lesson(path)
    assert isinstance(result, BrokenLesson)
    assert result.message.startswith(f"{path}: ")
    assert expected(path) in result.message
    assert "\n" not in result.message and "Traceback" not in result.message


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "invalid-utf8.toml",
            b'format_version = 1\ntitle = "caf\xe9"\n',
            "is not UTF-8 text (line 2 has the byte 0xe9)",
        ),
        (
            "ten-megabytes.toml",
            b"# " + b"x" * 10_000_000 + b"\n",
            "is 10,000,003 bytes, more than the 1,000,000 allowed",
        ),
        ("deep.toml", b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n", "deep"),
        ("nul.toml", b"\x00\x01\x02", "is not valid TOML"),
    ],
    ids=["invalid-utf8", "ten-megabytes", "deep", "nul"],
)
def test_generated_broken_files(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = load_lesson(path)
    assert isinstance(result, BrokenLesson)
    assert message in result.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.toml"
    path.write_text("format_version = 1\n")
    path.chmod(0)
    result = load_lesson(path)
    assert isinstance(result, BrokenLesson) and "cannot be read" in result.message


def test_a_folder_in_place_of_a_file(tmp_path: Path) -> None:
    (tmp_path / "folder.toml").mkdir()
    result = load_lesson(tmp_path / "folder.toml")
    assert isinstance(result, BrokenLesson)
    assert result.message == f"{tmp_path / 'folder.toml'}: is a folder, not a regular file"


def test_broken_lessons_never_stop_the_others(tmp_path: Path) -> None:
    for path in shipped_lessons_dir().glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    for path in CASES:
        shutil.copy(path, tmp_path / f"zz-{path.name}")
    loaded = load_folder(tmp_path)
    good = [x for x in loaded if isinstance(x, Lesson)]
    broken = [x for x in loaded if isinstance(x, BrokenLesson)]
    assert len(good) == len(list(shipped_lessons_dir().glob("*.toml")))
    assert len(broken) == len(CASES)
    assert loaded[: len(good)] == good, "good lessons come first, in order"


def test_duplicate_ids_are_reported_on_the_second_file(tmp_path: Path) -> None:
    first = next(iter(sorted(shipped_lessons_dir().glob("*.toml"))))
    shutil.copy(first, tmp_path / "a.toml")
    shutil.copy(first, tmp_path / "b.toml")
    loaded = load_folder(tmp_path)
    assert isinstance(loaded[0], Lesson)
    assert isinstance(loaded[1], BrokenLesson)
    assert "is already used by" in loaded[1].message and "a.toml" in loaded[1].message


# -- files that are not lessons' size or not regular files at all ------------------------------


def test_a_four_gigabyte_sparse_file_is_refused_from_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with open(path, "wb") as file:
        file.truncate(4 << 30)  # no data is written: reading it would take minutes
    result = load_lesson(path)
    assert isinstance(result, BrokenLesson)
    assert result.message == f"{path}: is 4,294,967,296 bytes, more than the 1,000,000 allowed"


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    result = load_lesson(path)  # would block forever if it were opened for reading
    assert isinstance(result, BrokenLesson)
    assert result.message == f"{path}: is a named pipe (FIFO), not a regular file"


def test_symbolic_links_are_followed_and_broken_ones_reported(tmp_path: Path) -> None:
    good = next(iter(sorted(shipped_lessons_dir().glob("*.toml"))))
    (tmp_path / "linked.toml").symlink_to(good)
    (tmp_path / "dangling.toml").symlink_to("nowhere.toml")
    (tmp_path / "loop.toml").symlink_to("loop.toml")
    os.mkfifo(tmp_path / "pipe.toml")
    (tmp_path / "folder.toml").mkdir()
    (tmp_path / ".#linked.toml").symlink_to("an-editor-lock")  # an editor's lock: not a lesson
    loaded = load_folder(tmp_path)
    assert isinstance(loaded[0], Lesson) and loaded[0].source == tmp_path / "linked.toml"
    messages = sorted(x.message for x in loaded[1:] if isinstance(x, BrokenLesson))
    assert messages == [
        f"{tmp_path / 'dangling.toml'}: is a symbolic link to 'nowhere.toml', which does not exist",
        f"{tmp_path / 'folder.toml'}: is a folder, not a regular file",
        f"{tmp_path / 'loop.toml'}: is a symbolic link that loops back on itself",
        f"{tmp_path / 'pipe.toml'}: is a named pipe (FIFO), not a regular file",
    ]
    assert len(loaded) == 5, "the dot file is left out"


def test_a_file_name_is_printed_escaped(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b]52;c;aGk=\x07.toml"
    path.write_text("not toml at all = = =")
    result = load_lesson(path)
    assert isinstance(result, BrokenLesson)
    assert "\x1b" not in result.message and "\x07" not in result.message
    assert result.message.startswith(f"{tmp_path}/evil\\x1b]52;c;aGk=\\x07.toml: ")


# -- text is plain text -------------------------------------------------------------------------

TEXT_FIELDS = {
    "title": 'title = "{text}"',
    "summary": 'summary = "{text}"',
    "pages[0].title": '[[pages]]\ntitle = "{text}"\nnarration = "Fine."',
    "pages[0].narration": '[[pages]]\nnarration = "{text}"',
    "quiz.questions[0].prompt": '[quiz]\n[[quiz.questions]]\nkind = "choice"\n'
    'prompt = "{text}"\nchoices = ["a", "b"]\nanswer = 1',
    "quiz.questions[0].hints[0]": '[quiz]\n[[quiz.questions]]\nkind = "choice"\nprompt = "P?"\n'
    'hints = ["{text}"]\nchoices = ["a", "b"]\nanswer = 1',
    "quiz.questions[0].choices[1]": '[quiz]\n[[quiz.questions]]\nkind = "choice"\n'
    'prompt = "P?"\nchoices = ["a", "{text}"]\nanswer = 1',
    "quiz.questions[0].explanation": '[quiz]\n[[quiz.questions]]\nkind = "choice"\n'
    'prompt = "P?"\nchoices = ["a", "b"]\nanswer = 1\n'
    'explanation = "{text}"',
}
SAID = {
    "pages[0].title": "page 1, title",
    "pages[0].narration": "page 1, narration",
    "quiz.questions[0].prompt": "question 1, prompt",
    "quiz.questions[0].hints[0]": "question 1, hints[0]",
    "quiz.questions[0].choices[1]": "question 1, choices[1]",
    "quiz.questions[0].explanation": "question 1, explanation",
}
"""How `check` names each field: pages and questions counted from 1, as the tutor shows them."""
PARTS = {
    "head": 'format_version = 1\nid = "plain"\norder = 1\ntitle = "Plain"\nsummary = "Text."',
    "page": '[[pages]]\nnarration = "Fine."',
    "quiz": '[quiz]\n[[quiz.questions]]\nkind = "choice"\nprompt = "P?"\nchoices = ["a", "b"]\n'
    "answer = 1",
}


def lesson_with(field: str, text: str) -> str:
    """A small good lesson in which `field` holds `text` (TOML escapes allowed)."""
    line = TEXT_FIELDS[field].format(text=text)
    head = PARTS["head"]
    if field in ("title", "summary"):
        head = "\n".join(line if row.startswith(f"{field} =") else row for row in head.splitlines())
        return "\n".join((head, PARTS["page"], PARTS["quiz"]))
    if field.startswith("pages"):
        return "\n".join((head, line, PARTS["quiz"]))
    return "\n".join((head, PARTS["page"], line))


@pytest.mark.parametrize("field", TEXT_FIELDS)
@pytest.mark.parametrize(
    ("escape", "name"),
    [
        ("\\u001b[2J", "U+001B"),
        ("\\u009b6n", "U+009B"),
        ("\\u0007", "U+0007"),
        ("\\u202e", "U+202E"),
        ("\\u0000", "U+0000"),
    ],
    ids=["clear-screen", "c1-csi", "bell", "bidi-override", "nul"],
)
def test_control_characters_are_refused_in_every_text(
    tmp_path: Path, field: str, escape: str, name: str
) -> None:
    path = tmp_path / "lesson.toml"
    path.write_text(lesson_with(field, f"Look {escape} here"))
    result = load_lesson(path)
    assert isinstance(result, BrokenLesson), field
    assert result.message == (
        f"{path}: {SAID.get(field, field)}: has a control character, {name}, at "
        "character 6: lesson text must be plain text"
    )


@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_markup_is_just_text(tmp_path: Path, field: str) -> None:
    path = tmp_path / "lesson.toml"
    markup = "[/] [link=file:///etc/passwd]x[/link] [@click=app.quit]q[/] [blink]b[/blink]"
    path.write_text(lesson_with(field, markup))
    assert isinstance(load_lesson(path), Lesson), "markup characters are ordinary text"


def test_tabs_and_line_breaks_where_the_format_allows_them(tmp_path: Path) -> None:
    path = tmp_path / "lesson.toml"
    path.write_text(lesson_with("pages[0].narration", "A\\tB\\n\\nC"))
    assert isinstance(load_lesson(path), Lesson)
    path.write_text(lesson_with("summary", "A\\tB"))
    result = load_lesson(path)
    assert isinstance(result, BrokenLesson) and "U+0009" in result.message
