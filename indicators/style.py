"""One colour and one icon per progress status, one colour per country side.

Colours are Paul Tol's colour-blind-safe "muted" scheme; the status word or
icon always stands beside the colour, never colour alone.
"""
from __future__ import annotations

STATUS_ORDER = ("achieved", "on_track", "acceleration_needed", "limited_progress", "deterioration", "not_assessed")
STATUS_COLORS = {
    "achieved": "#117733",
    "on_track": "#44AA99",
    "acceleration_needed": "#DDCC77",
    "limited_progress": "#CC6677",
    "deterioration": "#882255",
    "not_assessed": "#BBBBBB",
}
STATUS_ICONS = {
    "achieved": "✔",
    "on_track": "▲",
    "acceleration_needed": "►",
    "limited_progress": "▼",
    "deterioration": "✖",
    "not_assessed": "–",
}
# Text colour readable on each status colour (projector-safe contrast).
STATUS_TEXT_COLORS = {s: ("#FFFFFF" if s in ("achieved", "deterioration") else "#1A1A1A") for s in STATUS_ORDER}


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


def _pill(status: str) -> str:
    """The status colour as the fill of a pill in a Streamlit table. Streamlit writes black text on
    a fill of relative luminance above 0.5 and white text below: a status whose text is dark in the
    palette gets its colour mixed with white, in steps of 5 %, until black text is chosen."""
    colour = STATUS_COLORS[status]
    if STATUS_TEXT_COLORS[status] == "#FFFFFF":
        return colour
    for step in range(21):
        mixed = mix(colour, "#FFFFFF", step / 20)
        if relative_luminance(mixed) > 0.52:    # a margin above Streamlit's 0.5
            return mixed
    return "#FFFFFF"


STATUS_PILL_COLORS = {s: _pill(s) for s in STATUS_ORDER}

COUNTRY_COLORS = {"FR": "#1F5FA8", "BE": "#E08A00"}
COUNTRY_DASH = {"FR": "solid", "BE": "dash"}
OTHER_COLOR = "#666666"
TARGET_COLOR = "#333333"
PROJECTION_COLOR = "#888888"
