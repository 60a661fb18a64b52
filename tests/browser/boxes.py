"""Bounding boxes (as the browser's getBoundingClientRect gives them) compared: the layout tests' words."""
from __future__ import annotations


def overlap(a, b, slack: float = 0.5) -> bool:
    return not (a["x"] + a["width"] <= b["x"] + slack or b["x"] + b["width"] <= a["x"] + slack
                or a["y"] + a["height"] <= b["y"] + slack or b["y"] + b["height"] <= a["y"] + slack)


def inside(inner, outer, slack: float = 1.0) -> bool:
    return (inner["x"] >= outer["x"] - slack and inner["y"] >= outer["y"] - slack
            and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + slack
            and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + slack)
