"""Each screen's own rules, kept in styles/<name>.tcss and given to Textual as the screen's
default CSS, so they are parsed when the screen is first shown rather than all at start-up."""

from __future__ import annotations

from pathlib import Path

STYLES = Path(__file__).parent / "styles"


def screen_css(name: str) -> str:
    return (STYLES / f"{name}.tcss").read_text(encoding="utf-8")
