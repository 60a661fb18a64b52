"""One colour and one icon per progress status, one colour per country side.

One palette for every surface that shows a status: the Overview's matrix, bars and "look at first"
list, the Strategic actions tables (Streamlit pills) and badges, the Explorer, the map, the report. A
Streamlit table pill picks its own text colour (black on a fill of relative luminance above 0.5, white
below), and a Markdown badge takes only a fixed set of colours: each status's fill is therefore one that
pill reads well (`STATUS_TEXT_COLORS`, contrast 4.5:1 at least), and badges are drawn with these colours
(`status_chip`), not Streamlit's. The colours are Paul Tol's colour-blind-safe ones (muted scheme, the
rose darkened), told apart under protanopia, deuteranopia and tritanopia (tests/test_status_colours_r32.py);
the status word and icon always stand beside the colour, never colour alone.
"""
from __future__ import annotations

STATUS_ORDER = ("achieved", "on_track", "acceleration_needed", "limited_progress", "deterioration", "not_assessed")
STATUS_COLORS = {
    "achieved": "#117733",              # green, white text
    "on_track": "#88CCEE",              # cyan, dark text
    "acceleration_needed": "#DDCC77",   # sand, dark text
    "limited_progress": "#AA4466",      # rose, white text
    "deterioration": "#332288",         # indigo, white text
    "not_assessed": "#DDDDDD",          # grey, dark text
}
STATUS_ICONS = {
    "achieved": "✔",
    "on_track": "▲",
    "acceleration_needed": "►",
    "limited_progress": "▼",
    "deterioration": "✖",
    "not_assessed": "–",
}
DARK_TEXT = "#1A1A1A"
LIGHT_TEXT = "#FFFFFF"


def rgb(hex_colour: str) -> list[int]:
    """`#RRGGBB` as [red, green, blue], 0–255."""
    return [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]


def mix(hex_colour: str, towards: str, share: float) -> str:
    """A colour moved `share` (0–1) of the way towards another."""
    mixed = [round(x + (y - x) * share) for x, y in zip(rgb(hex_colour), rgb(towards))]
    return "#" + "".join(f"{v:02X}" for v in mixed)


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of a `#RRGGBB` colour, 0 (black) to 1 (white)."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb(hex_colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def pill_text_colour(fill: str) -> str:
    """The text colour Streamlit writes on a table pill of this fill: black above a relative luminance
    of 0.5, white below (the rule of its data grid)."""
    return DARK_TEXT if relative_luminance(fill) > 0.5 else LIGHT_TEXT


def contrast(one: str, other: str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21."""
    a, b = sorted((relative_luminance(one), relative_luminance(other)))
    return (b + 0.05) / (a + 0.05)


# Text readable on each status colour, the one a Streamlit pill writes on it (projector-safe contrast).
STATUS_TEXT_COLORS = {s: pill_text_colour(c) for s, c in STATUS_COLORS.items()}
# The Strategic actions tables' pills: the palette itself (kept as a name for its readers).
STATUS_PILL_COLORS = dict(STATUS_COLORS)


def status_chip(status: str, text: str) -> str:
    """A status as a Markdown chip in the palette's colours (Streamlit's `:color[…]{foreground background}`
    directive, in the small font of its badges): `text` (the icon and word) on the status colour, as the
    tables' pills and the charts show it. Brackets in `text` are escaped (they would end the directive)."""
    colour = STATUS_COLORS.get(status, STATUS_COLORS["not_assessed"])
    words = text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    return f':small[:color[{words}]{{foreground="{pill_text_colour(colour)}" background="{colour}"}}]'


def status_badge(status: str, lang: str, method: str = "opensdg", has_target: bool = True) -> str:
    """A status as icon + word (`▲ En bonne voie`) in a Markdown chip of the palette (`status_chip`)."""
    from .i18n import status_label

    status = status if status in STATUS_COLORS else "not_assessed"
    # a no-break space: in a narrow column the chip wraps between words, never leaves its icon alone
    return status_chip(status, f"{STATUS_ICONS[status]}\u00a0{status_label(status, lang, method, has_target)}")



# How wide a text is drawn in the pages' font (Source Sans, 14 px: the tables' cells and pills), each
# character's advance rounded up to half a pixel (measured in Chromium with the font Streamlit serves);
# a character not listed counts as the widest letters. Used to give a table's columns the width their
# words need (indicators/indicator_tables.py, indicators/partners.py).
_GLYPHS = {
    3.0: " ", 3.5: "',.:;ij|ìíîï·’", 4.0: "IlÌÍÎÏ", 4.5: "!()-[]f{}", 5.0: "/\\rt°", 5.5: "²",
    6.0: '"*?sz', 6.5: "cxç«»", 7.0: "0123456789#$+<=>FJLY^_ekvy~×Ýèéêë÷ýÿ–€",
    7.5: "ESVXagÈÉÊËàáâãäå", 8.0: "ACPRTZ`bdhnopquÀÁÂÃÄÅÇðñòóôõöøùúûüþ", 8.5: "BKÞß►▲▼",
    9.0: "&DGÐ↔✓→", 9.5: "HNOQUÑÒÓÔÕÖØÙÚÛÜ✔", 10.5: "Mw", 11.0: "æ", 11.5: "W—", 12.0: "%@mÆ✖",
    12.5: "◷", 13.0: "⚑⚠", 13.5: "…",
}
_ADVANCE = {ch: width for width, chars in _GLYPHS.items() for ch in chars}
_UNLISTED = 10.5
FONT_PX = 14


def text_px(text: str, size: float = FONT_PX) -> float:
    """The width in pixels of `text` in the pages' font at `size` px."""
    return sum(_ADVANCE.get(ch, _UNLISTED) for ch in str(text)) * size / FONT_PX

COUNTRY_COLORS = {"FR": "#1F5FA8", "BE": "#E08A00"}
COUNTRY_DASH = {"FR": "solid", "BE": "dash"}
OTHER_COLOR = "#666666"
TARGET_COLOR = "#333333"
PROJECTION_COLOR = "#888888"
