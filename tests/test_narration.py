"""Narration: the Markdown subset lessons use, drawn as Rich Text."""

from __future__ import annotations

from tutor.ui.narration import narration_text


def styles_of(text, word: str) -> set[str]:  # type: ignore[no-untyped-def]
    start = text.plain.index(word)
    return {str(span.style) for span in text.spans if span.start <= start < span.end}


def test_paragraphs_join_their_lines_and_keep_blank_lines_between() -> None:
    text = narration_text("One kernel\nslides over.\n\nSecond paragraph.")
    assert text.plain == "One kernel slides over.\n\nSecond paragraph."


def test_bold_italic_and_code() -> None:
    text = narration_text("The **same** weights, *every* time: `w1`.")
    assert text.plain == "The same weights, every time: w1."
    assert styles_of(text, "same") == {"bold"}
    assert styles_of(text, "every") == {"italic"}
    assert styles_of(text, "w1") == {"bold reverse"}


def test_indented_blocks_keep_their_lines() -> None:
    text = narration_text("Formula:\n\n    output = (N - K) / S + 1\n    = 55\n\nDone.")
    assert "  output = (N - K) / S + 1\n  = 55" in text.plain
    assert text.plain.endswith("\n\nDone.")


def test_bullets_and_headings() -> None:
    text = narration_text("# Counting\n\n- shared: 34,944\n- unshared:\n  105,705,600")
    assert text.plain == "Counting\n\n• shared: 34,944\n• unshared: 105,705,600"
    assert styles_of(text, "Counting") == {"bold underline"}


def test_unmatched_marks_are_left_as_written() -> None:
    assert narration_text("2 * 3 = 6 and a lone ` mark").plain == "2 * 3 = 6 and a lone ` mark"


def test_a_table_keeps_its_rows_and_aligns_its_columns() -> None:
    text = narration_text(
        "Counts:\n\n| scheme | weights |\n|---|--:|\n| **shared** | 34,848 |\n"
        "| unshared | 105,415,200 |\n\nDone."
    )
    assert text.plain == (
        "Counts:\n\n"
        "  scheme   │     weights\n"
        "  shared   │      34,848\n"
        "  unshared │ 105,415,200\n\nDone."
    )
    assert "bold" in styles_of(text, "scheme"), "the header"
    assert "bold" in styles_of(text, "shared"), "markup inside a cell"
    assert styles_of(text, "unshared") == set()


def test_a_table_without_a_rule_has_no_header_and_ragged_rows_are_padded() -> None:
    text = narration_text("| a | b |\n| ccc |")
    assert text.plain == "  a   │ b\n  ccc │ "
