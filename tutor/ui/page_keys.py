"""The keys a lesson page uses beyond the footer's, said on the rule under its text.

The footer has room for the keys every page shares; a page's own (trace a weight, hop to the
next slice, scroll a tall scene, read the text that continues below) would be found only in
the help. The rule between text and scene has a line's room and is drawn anyway.
"""

from __future__ import annotations

from rich.text import Text

from ..lessons.model import Page

MORE_TEXT = "▼ more text: ]"


def page_keys(page: Page, more_text: bool, scene_scrolls: bool) -> Text:
    """What to press on `page`: `more_text` when its text continues below what is shown,
    `scene_scrolls` when its scene is taller than its room. Plain Text, never markup."""
    keys = [MORE_TEXT] if more_text else []
    scene = page.scene
    if scene is not None and "input" in scene.panels:
        taps = min(scene.layer.kernel[0] * scene.layer.kernel[1], 9)  # the keys 1 to 9
        keys.append(f"{'1' if taps == 1 else f'1-{taps}'} trace a weight")
    layer = scene.layer if scene is not None else (page.map.layer if page.map else None)
    if layer is not None and layer.filters > 1:
        keys.append("f next slice")
    if scene_scrolls:
        keys.append("J K scroll")
    keys.append("? all keys")
    return Text(" " + " · ".join(keys) + " ")
