"""Place names on the map, offline: a deck.gl TextLayer fed from the territories' own names.

Names come from the framework (name_fr / name_nl / name_en), so the page's language picks
Courtrai / Kortrijk, Tournai / Doornik, Lille / Rijsel. Names are kept by importance (population)
so that none overlaps another at the map's first view (`declutter`): the larger towns always show.
deck.gl's CollisionFilterExtension would do this per zoom level, but it drew no text at all in
headless Chromium's software WebGL (tried), so the choice is made here, for the first view.

A map without boundaries draws its territories as circles (`maps.drawn_symbols`): each circle is named
first, just outside its edge, in the dark text colour; the other places, named only to find one's way,
are grey, never drawn over a circle and never named when their point lies under one (the commune of
Trier named the circle of the Trier *region* drawn on it).
"""
from __future__ import annotations

import math
from typing import Iterable, Mapping, NamedTuple

import pandas as pd
import pydeck as pdk

from . import i18n

LABEL_KINDS = ("commune",)          # places; groupings (EPCI, arrondissements) are read from their shapes
LARGE_TOWN = 50_000                 # population from which a name is drawn larger
SMALLEST = 10                       # pixels: a large town's name may shrink to this size to find room
LARGE_SIZE = 12                     # pixels: the names of large towns
TEXT_COLOR = [33, 37, 41, 255]
ORIENTATION_COLOR = [96, 103, 112, 255]   # places named beside the ones the map shows: grey, 5:1 on the background
MIN_RADIUS = 4                     # pixels: a circle is never drawn smaller (maps.values_deck's radius_min_pixels)
HALO_COLOR = [255, 255, 255, 255]
# The halo that keeps a name readable over a dark polygon or a border line: deck.gl's outline is in the glyph
# atlas' pixels (64 px glyphs) over its SDF radius, and outline_width=3 of the default radius 12 drew ~0.6 px
# around a 12 px name ("Courtrai", "Dunkerque" dark on dark brown). The atlas' buffer must hold the outline.
FONT_SETTINGS = {"sdf": True, "fontSize": 64, "buffer": 12, "radius": 16}
HALO_WIDTH = 9                      # atlas pixels: ~1.7 px around a 12 px name
LABEL_GAP = 6                       # pixels at least between two names: names that touch read as one


def place_labels(territories: pd.DataFrame, lang: str, first: Iterable[str] = (),
                 min_population: float = 0) -> list[dict]:
    """One record per place with coordinates: name in `lang`, position, size and priority.

    `first`: territories named before any other, whatever their kind (the two ends of every flow), so
    that the declutter keeps them and drops the places around them instead; `min_population`: the
    other places named (a flows map names only the large towns beside the ends)."""
    if territories.empty:
        return []
    first = set(map(str, first))
    ids = territories["territory_id"].astype(str)
    rows = territories[(territories["kind"].astype(str).isin(LABEL_KINDS) | ids.isin(first))
                       & territories["lat"].notna() & territories["lon"].notna()]
    if "valid_to" in rows:           # a place merged away keeps its history, not a name on today's map
        rows = rows[rows["valid_to"].isna() | (rows["valid_to"].astype(str) == "")
                    | rows["territory_id"].astype(str).isin(first)]     # unless the map draws its value
    out = []
    for r in rows.to_dict("records"):
        population = _number(r.get("population"))
        if population < min_population and str(r["territory_id"]) not in first:
            continue
        name = i18n.name(r, "name", lang) or str(r["territory_id"])
        out.append({"territory_id": str(r["territory_id"]), "label": short_name(name),
                    "lon": round(float(r["lon"]), 5), "lat": round(float(r["lat"]), 5),
                    "size": LARGE_SIZE if population >= LARGE_TOWN else 10,
                    # deck.gl wants the priority within [-1000, 1000]: log-scaled population
                    "anchor": "middle", "baseline": "bottom", "offset": [0, -6],
                    "priority": round(min(1000.0, 100 * math.log10(max(population, 1.0))), 1)})
        # the names of what the map shows in the text colour; around them, the places for orientation in grey
        out[-1]["color"] = ORIENTATION_COLOR if first and out[-1]["territory_id"] not in first else TEXT_COLOR
        if out[-1]["territory_id"] in first:   # above every place (a population's log is at most ~900)
            out[-1].update(size=LARGE_SIZE, priority=1000.0)
    return sorted(out, key=lambda p: -p["priority"])


def label_layer(labels: list[Mapping]) -> pdk.Layer:
    """The names, above every other layer, never overlapping one another."""
    labels = [label if "color" in label else dict(label, color=TEXT_COLOR) for label in labels]
    return pdk.Layer("TextLayer", data=labels, id="place-names", get_position=["lon", "lat"],
                     get_text="label", get_size="size", size_units='"pixels"', get_color="color",
                     font_weight=600, character_set='"auto"', font_settings=FONT_SETTINGS,
                     outline_width=HALO_WIDTH, outline_color=HALO_COLOR, get_text_anchor="anchor",
                     get_alignment_baseline="baseline", get_pixel_offset="offset", billboard=True,
                     font_family='"Source Sans Pro, Helvetica, Arial, sans-serif"', pickable=False,
                     # never hidden by the arcs of flows, which rise above the ground
                     parameters={"depthTest": False})


def names_layer(territories: pd.DataFrame, view, lang: str, width: int, height: int, first: Iterable[str] = (),
                min_population: float = 0, symbols: Iterable[tuple] = (), shown: Iterable[str] = (),
                selected: Iterable[str] = ()) -> pdk.Layer:
    """The names of a map whose first view is `view` (a pydeck ViewState) in width × height pixels: in
    the page's language, the territories of `first` before any other, none overlapping another, all
    inside the view. `symbols`: the circles the map draws, (territory_id, lon, lat, radius in metres)
    (`maps.drawn_symbols`): each named first, beside its edge; no other name on a circle. `shown`: the
    territories with a value on the map (shapes too), named in the text colour like the circles.
    `selected`: the territories chosen (outlined on the map): named before any other too, whatever their
    size, the other names keeping their colours."""
    zoom = float(view.zoom)
    box = view_box(float(view.longitude), float(view.latitude), zoom, width, height)
    discs = [disc(*symbol, zoom=zoom) for symbol in symbols]
    first = set(map(str, first)) | {d.territory_id for d in discs}
    keep = set(map(str, selected)) - first
    labels = place_labels(territories, lang, first | keep, min_population)
    if keep:   # as without a selection: the colours follow `first` alone
        labels = [dict(p, color=TEXT_COLOR if not first or p["territory_id"] in first | keep else ORIENTATION_COLOR)
                  for p in labels]
    if discs:
        labels = around_discs(labels, discs, zoom)
        box = Room(box, tuple(b for d in discs for b in d.boxes()))
    shown = set(map(str, shown))
    labels = [dict(p, color=TEXT_COLOR) if p["territory_id"] in shown else p for p in labels]
    return label_layer(declutter(labels, zoom, box))


class Disc(NamedTuple):
    """A circle the map draws, in world pixels at the first view's zoom (as `label_box`)."""
    territory_id: str
    x: float
    y: float
    radius: float

    def covers(self, x: float, y: float, margin: float = 1) -> bool:
        return (x - self.x) ** 2 + (y - self.y) ** 2 <= (self.radius + margin) ** 2

    def boxes(self) -> tuple[tuple[float, float, float, float], ...]:
        """Three boxes inside the circle that together nearly fill it: what a name may not overlap."""
        r = self.radius
        return tuple((self.x - a * r, self.y - b * r, self.x + a * r, self.y + b * r)
                     for a, b in ((0.95, 0.31), (0.31, 0.95), (0.71, 0.71)))


class Room(NamedTuple):
    """Where names may go: inside the first view's box (`view_box`), clear of the drawn circles."""
    view: tuple[float, float, float, float] | None
    obstacles: tuple[tuple[float, float, float, float], ...] = ()


def disc(territory_id: str, lon: float, lat: float, radius_m: float, zoom: float) -> Disc:
    """A circle of `radius_m` metres at (lon, lat), in world pixels at `zoom` (never under MIN_RADIUS)."""
    x, y = world_point(float(lon), float(lat), zoom)
    metres_per_pixel = 40_075_016.686 * math.cos(math.radians(float(lat))) / (512 * 2 ** zoom)
    return Disc(str(territory_id), x, y, max(float(radius_m) / metres_per_pixel, MIN_RADIUS))


def around_discs(labels: list[dict], discs: list[Disc], zoom: float) -> list[dict]:
    """Each circle's name set to sit around its edge (the largest circles named first); the other names
    left out where their point lies under a circle, where they would read as the circle's name."""
    by_id = {d.territory_id: d for d in discs}
    out = []
    for label in labels:
        own = by_id.get(label["territory_id"])
        if own is not None:
            out.append(dict(label, disc=round(own.radius, 1), priority=1000.0, size=LARGE_SIZE, color=TEXT_COLOR,
                            **dict(zip(("anchor", "baseline", "offset"), _placements(own.radius)[0]))))
        elif not any(d.covers(*world_point(label["lon"], label["lat"], zoom)) for d in discs):
            out.append(label)
    return sorted(out, key=lambda p: (-p["priority"], -p.get("disc", 0)))


# Where a name may sit around its point: (anchor, baseline, pixel offset), tried in this order.
PLACEMENTS = (("middle", "bottom", [0, -6]), ("middle", "top", [0, 6]),
              ("start", "center", [8, 0]), ("end", "center", [-8, 0]),
              ("start", "bottom", [5, -4]), ("end", "bottom", [-5, -4]),
              ("start", "top", [5, 4]), ("end", "top", [-5, 4]))


def label_box(label: Mapping, zoom: float) -> tuple[float, float, float, float]:
    """The label's box in world pixels at `zoom` (Web Mercator, 512 px world at zoom 0)."""
    x, y = world_point(label["lon"], label["lat"], zoom)
    # Semi-bold glyphs are ~0.55 em wide in the page font, and the 3-pixel halo widens every side: with
    # 0.5 em and no halo, "Komen (Frankrijk)" and "Komen-Waasten" still touched on the first view.
    width = 0.56 * label["size"] * len(label["label"]) + 8
    height = 1.3 * label["size"] + 5
    anchor, baseline, (dx, dy) = label.get("anchor", "middle"), label.get("baseline", "bottom"), label.get(
        "offset", [0, -6])
    left = {"middle": x + dx - width / 2, "start": x + dx, "end": x + dx - width}[anchor]
    top = {"bottom": y + dy - height, "top": y + dy, "center": y + dy - height / 2}[baseline]
    return (left, top, left + width, top + height)


def world_point(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """A point in world pixels at `zoom` (Web Mercator, 512 px world at zoom 0; y grows southward)."""
    scale = 512 * 2 ** zoom / (2 * math.pi)
    return scale * math.radians(lon), -scale * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def view_box(longitude: float, latitude: float, zoom: float, width: float, height: float,
             margin: float = 4) -> tuple[float, float, float, float]:
    """The first view's box in world pixels (as `label_box`), `margin` pixels inside its edges."""
    x, y = world_point(longitude, latitude, zoom)
    return (x - width / 2 + margin, y - height / 2 + margin, x + width / 2 - margin, y + height / 2 - margin)


def declutter(labels: list[Mapping], zoom: float, view: tuple[float, float, float, float] | None = None) -> list[dict]:
    """The labels, most important first, each placed around its point where it overlaps no kept one
    and, given the first view's box (`view_box`), where it is whole inside it.

    A large town's name that finds no room may move one name already kept to another of its
    placements: two towns 4 km apart (Mouscron and Tourcoing) can both be named if one name sits
    above its point and the other below, which a single greedy pass does not find."""
    kept: list[dict] = []
    boxes: list[tuple[float, float, float, float]] = []
    for label in sorted(labels, key=lambda p: -p["priority"]):
        found = _place(label, boxes, zoom, view)
        if found is None and label["size"] >= LARGE_SIZE:
            found = _make_room(label, kept, boxes, zoom, view)
        if found is not None:
            kept.append(found[0])
            boxes.append(found[1])
    return kept


def _candidates(label: Mapping):
    # A name that fits nowhere at its size tries a smaller one before it gives way.
    sizes = [label["size"]] + ([label["size"] - 2] if label["size"] - 2 >= SMALLEST else [])
    for size in sizes:
        for anchor, baseline, offset in (_placements(label["disc"]) if label.get("disc") else PLACEMENTS):
            yield dict(label, size=size, anchor=anchor, baseline=baseline, offset=offset)


def _placements(radius: float) -> tuple:
    """A circle's name around its edge, in PLACEMENTS' order: above, below, right, left, then diagonally
    (a name's nearest corner then lies just outside the circle)."""
    g, d = round(radius + 3, 1), round(0.72 * radius + 2, 1)
    return (("middle", "bottom", [0, -g]), ("middle", "top", [0, g]), ("start", "center", [g + 2, 0]),
            ("end", "center", [-g - 2, 0]), ("start", "bottom", [d, -d]), ("end", "bottom", [-d, -d]),
            ("start", "top", [d, d]), ("end", "top", [-d, d]))


def _free(box, boxes, gap: float = LABEL_GAP) -> bool:
    """Whether `box` meets none of `boxes`, keeping `gap` pixels away from each (other names: LABEL_GAP)."""
    return all(box[2] + gap <= b[0] or b[2] + gap <= box[0] or box[3] + gap <= b[1] or b[3] + gap <= box[1]
               for b in boxes)


def _inside(box, view) -> bool:
    """Whether a name's box may stand there: whole inside the view's box and, with a `Room`, over no circle."""
    if isinstance(view, Room):
        return _inside(box, view.view) and _free(box, view.obstacles, 0)   # a circle's name sits at its edge
    return view is None or (view[0] <= box[0] and box[2] <= view[2] and view[1] <= box[1] and box[3] <= view[3])


def _place(label: Mapping, boxes: list, zoom: float, view=None):
    for placed in _candidates(label):
        box = label_box(placed, zoom)
        if _inside(box, view) and _free(box, boxes):
            return placed, box
    return None


def _make_room(label: Mapping, kept: list[dict], boxes: list, zoom: float, view=None):
    """Move one kept name to another of its placements so that `label` fits too (kept and boxes are
    updated in place); None when no single move does it."""
    # Only a kept name whose box meets one of the label's own placements can make room for it: trying
    # the others too cost 2 s for 500 communes (a large store's Map page), for the same result.
    reach = [label_box(c, zoom) for c in _candidates(label)]
    reach = (min(b[0] for b in reach), min(b[1] for b in reach), max(b[2] for b in reach), max(b[3] for b in reach))
    for i, other in enumerate(kept):
        if _free(boxes[i], [reach]):
            continue
        rest = boxes[:i] + boxes[i + 1:]
        for moved in _candidates(dict(other, size=other["size"])):
            if moved["size"] != other["size"]:
                continue   # the kept name keeps its size
            moved_box = label_box(moved, zoom)
            if not (_inside(moved_box, view) and _free(moved_box, rest)):
                continue
            found = _place(label, rest + [moved_box], zoom, view)
            if found is not None:
                kept[i], boxes[i] = moved, moved_box
                return found
    return None


SHORT_NAME = 24          # characters: a longer name loses its closing bracketed note on the map


def short_name(name: str) -> str:
    """'Comines (France)' stays; a bracketed note after a long name is dropped for the map
    ('Cœur de Flandre agglo (ex-CC de Flandre Intérieure)', 'Mouscron (code avant 2019)')."""
    name = name.split(" (code")[0]
    if len(name) > SHORT_NAME and name.endswith(")") and " (" in name:
        name = name[:name.rindex(" (")]
    return name


def _number(value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0
