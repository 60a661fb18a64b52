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

COUNTRY_COLORS = {"FR": "#1F5FA8", "BE": "#E08A00"}
COUNTRY_DASH = {"FR": "solid", "BE": "dash"}
OTHER_COLOR = "#666666"
TARGET_COLOR = "#333333"
PROJECTION_COLOR = "#888888"
