"""A GeoJSON file's coordinates read into numpy arrays, not Python lists.

`json.loads` makes each point a list of two floats: 170 bytes a point, then shapely copies them into
lists again before its arrays (a 21 MB file of 1.3 M points cost 0.65 GB). Here the `coordinates`
arrays are cut out of the text before it is parsed (`cut`): the rest, properties and types, is parsed
as JSON, each geometry's coordinates holding a token; each array is then read when its feature is
(`Coordinates.geometry`): its brackets give the rings and polygons, its numbers are parsed by numpy in
one pass (about 40 bytes a point, for one feature at a time). An array this cannot read exactly (an
empty ring, a point of one number, anything but numbers) is given back as JSON (`Coordinates.as_json`),
read the way it always was.
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

import numpy as np

# A `coordinates` member whose array holds only numbers and brackets (what a polygon's always holds).
_MEMBER = re.compile(r'"coordinates"[ \t\r\n]*:[ \t\r\n]*(\[[\[\]0-9 \t\r\n,.eE+\-]*\])')   # JSON's four spaces only
_IS_NUMBER = np.zeros(256, dtype=bool)   # a character of a number, by its code (a lookup, no sorting)
_IS_NUMBER[list(b"0123456789.eE+-")] = True
_KINDS = {"Polygon": 3, "MultiPolygon": 4}   # the nesting of each kind's array
SMALL = 8_192   # characters of an array read as JSON lists all the same (a few hundred points: numpy costs more)


@dataclass
class Cut:
    """A text with its coordinates arrays replaced by tokens: `text` to parse as JSON, and the arrays'
    places in the original (`spans`). A JSON error is placed by parsing the original again (only a file
    refused pays for it)."""

    text: str
    original: str
    spans: list[tuple[int, int]]
    token: str
    used: set = field(default_factory=set)   # the arrays a geometry or a property asked for

    def unused_invalid(self) -> bool:
        """Whether an array nobody asked for (a point's, a skipped feature's) is no JSON array of
        numbers: the file is then not JSON, as `json.loads` of the whole would have said."""
        return any(not _valid(self.original, start, end)
                   for index, (start, end) in enumerate(self.spans) if index not in self.used)

    def coordinates(self, value) -> "Coordinates | None":
        """The arrays a token stands for, None for any other value (a list, a forged token)."""
        if not isinstance(value, str) or not value.startswith(self.token):
            return None
        index = value[len(self.token):]
        if not index.isdigit() or int(index) >= len(self.spans):
            return None
        start, end = self.spans[int(index)]
        self.used.add(int(index))
        return Coordinates(self, start, end)


def cut(text: str) -> Cut:
    """`text` with each balanced `coordinates` array of numbers replaced by a token (a string starting
    with a NUL character and a random word, never in a real file); any other member is left as written."""
    token = f"\x00{secrets.token_hex(6)}:"
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    at = 0
    for match in _MEMBER.finditer(text):
        start, end = match.span(1)
        if not _balanced(text, start, end):   # a file cut in the middle of an array: left for JSON to say where
            continue
        placeholder = f'"\\u0000{token[1:]}{len(spans)}"'
        pieces.append(text[at:start])
        pieces.append(placeholder)
        spans.append((start, end))
        at = end
    pieces.append(text[at:])
    return Cut("".join(pieces) if spans else text, text, spans, token)


def _balanced(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] closes as many brackets as it opens (a file cut in the middle of an array
    does not); an array that closes before its end (`[1],[2]`) is not JSON, said so when it is read."""
    return text.count("[", start, end) == text.count("]", start, end)


@dataclass
class Coordinates:
    """One geometry's coordinates array, still text: `points()` counts its points, `geometry(kind)`
    reads it as a shapely Polygon or MultiPolygon."""

    source: Cut
    start: int
    end: int

    def as_json(self):
        """The array as JSON gives it (lists), for what the fast reading does not take; JSONDecodeError
        when it is no JSON."""
        import json

        return json.loads(self.source.original[self.start:self.end])

    def points(self) -> int:
        """The arrays holding numbers: the points, whatever the nesting (counted in place, no copy)."""
        text = self.source.original
        return text.count("[", self.start, self.end) - len(_INNER_ARRAY.findall(text, self.start, self.end))

    def geometry(self, kind: str):
        """The shapely geometry of a Polygon or MultiPolygon; None when the array is not one this reads
        (the caller then reads `as_json` with shapely's `shape`); ValueError as shapely's for a ring of
        fewer than four points once closed."""
        import shapely

        nesting = _KINDS.get(kind)
        parsed = _parse(self.source.original, self.start, self.end, nesting) if nesting else None
        if parsed is None:
            return None
        xy, ring_starts, polygon_starts = parsed
        polygons = []
        for p in range(len(polygon_starts) - 1):
            rings = [shapely.linearrings(xy[ring_starts[r]:ring_starts[r + 1]])
                     for r in range(polygon_starts[p], polygon_starts[p + 1])]
            holes = np.empty(max(len(rings) - 1, 0), dtype=object)
            holes[:] = rings[1:]
            polygons.append(shapely.polygons(rings[0], holes if len(holes) else None) if rings else shapely.Polygon())
        if kind == "Polygon":
            return polygons[0]
        parts = np.empty(len(polygons), dtype=object)
        parts[:] = polygons
        return shapely.multipolygons(parts) if polygons else shapely.MultiPolygon()


# A `[` opening an array of arrays (followed, spaces aside, by another `[`).
_INNER_ARRAY = re.compile(r"\[(?=[ \t\r\n]*\[)")


def _parse(original: str, start: int, end: int, nesting: int) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """The points of original[start:end] (n x 2, the first two numbers of each), where each ring starts (in
    points, one more than the rings) and where each polygon starts (in rings), of an array nested `nesting` deep (3: a
    Polygon's rings of points, 4: a MultiPolygon's); None for anything else: a bracket at another depth,
    a number outside a point, a point of fewer than two numbers, an empty array, a number JSON would not
    take (`+1`, `.5`, `01`), anything numpy does not read whole.

    Every array over the characters is one byte each, made and dropped in turn: the largest feature
    costs about 60 bytes a point while it is read, then its shape 16."""
    if not _JSON_NUMBERS.fullmatch(original, start, end):   # read in place, no copy
        return None
    raw = original[start:end].encode("ascii").translate(None, b" \t\r\n")   # the structure, spaces aside
    codes = np.frombuffer(raw, dtype=np.uint8)
    depth = np.cumsum((codes == ord("[")).view(np.int8) - (codes == ord("]")).view(np.int8), dtype=np.int8)
    if int(depth.max()) != nesting or (depth[:-1] <= 0).any():   # deeper, or closed before its end
        return None
    if (_IS_NUMBER[codes] & (depth != nesting)).any() or not _separated(codes):   # a number outside a point
        return None
    open_at = np.flatnonzero(codes == ord("["))
    open_depth = depth[open_at]
    points = open_at[open_depth == nesting]
    # An array above the points holds arrays (its `[` is followed by `[`); a point starts with a number.
    if (codes[open_at[open_depth < nesting] + 1] != ord("[")).any() or (~_IS_NUMBER[codes[points + 1]]).any():
        return None
    commas = np.flatnonzero((codes == ord(",")) & (depth == nesting))
    del depth
    if len(commas) == len(points) and (np.searchsorted(commas, points) == np.arange(len(points))).all():
        firsts = np.arange(len(points), dtype=np.int64) * 2   # every point of two numbers (the usual case)
        total = 2 * len(points)
    else:   # points of three numbers or more (a height): the first two; mixed counts are shapely's to refuse
        per_point = np.diff(np.searchsorted(commas, np.append(points, len(codes)))) + 1
        if (per_point < 2).any() or (per_point != per_point[0]).any():
            return None
        firsts = np.concatenate(([0], np.cumsum(per_point)[:-1]))
        total = int(per_point.sum())
    del commas
    flat = raw.translate(_BRACKETS_TO_SPACES)
    del raw, codes
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            numbers = np.fromstring(flat.decode("ascii"), sep=",")
    except (ValueError, DeprecationWarning):
        return None
    del flat
    if len(numbers) != total or not np.isfinite(numbers).all():
        return None
    xy = np.column_stack((numbers[firsts], numbers[firsts + 1]))
    del numbers, firsts
    # Rings: the arrays one level above the points; polygons: two levels above (a Polygon is one).
    rings_at = open_at[open_depth == nesting - 1]
    ring_starts = np.append(np.searchsorted(points, rings_at), len(points))
    if nesting == 4:
        polygon_starts = np.append(np.searchsorted(rings_at, open_at[open_depth == 2]), len(rings_at))
    else:
        polygon_starts = np.array([0, len(rings_at)])
    return xy, ring_starts, polygon_starts


def _valid(original: str, start: int, end: int) -> bool:
    """Whether original[start:end] is a JSON array of numbers (any nesting, empty arrays included)."""
    if not _JSON_NUMBERS.fullmatch(original, start, end):
        return False
    codes = np.frombuffer(original[start:end].encode("ascii").translate(None, b" \t\r\n"), dtype=np.uint8)
    depth = np.cumsum((codes == ord("[")).view(np.int8) - (codes == ord("]")).view(np.int8), dtype=np.int8)
    return bool(depth[-1] == 0 and (depth[:-1] > 0).all()) and _separated(codes)


def _separated(codes: np.ndarray) -> bool:
    """Whether the brackets and commas of an array (its spaces removed) sit as JSON puts them: after `[`
    comes `[`, a number or `]`; after `,` comes `[` or a number; before `,` comes `]` or a number; after
    `]` comes `,`, `]` or the end; before `[` comes `[` or `,` (numbers themselves are checked by
    _JSON_NUMBERS). numpy reads `1,2,]` as three numbers, the last -1: this keeps such a text away."""
    after, before = codes[1:], codes[:-1]
    opens, closes, commas = before == ord("["), after == ord("]"), before == ord(",")
    if not (_IS_NUMBER[after] | (after == ord("[")) | closes)[opens].all():
        return False
    if not (_IS_NUMBER[after] | (after == ord("[")))[commas].all():
        return False
    if not (_IS_NUMBER[before] | (before == ord("]")))[after == ord(",")].all():
        return False
    if not ((after == ord(",")) | closes)[before == ord("]")].all():
        return False
    return bool(((before == ord("[")) | (before == ord(",")))[after == ord("[")].all())


# Brackets, commas, spaces and numbers as JSON writes them (no `+1`, `.5`, `01`, `1.`): checked whole.
# A number is followed, spaces aside, by a comma or a closing bracket: `-07131` is no number (not `-0` then
# `7131`), nor is `50.7 3` (the structure is read with the spaces removed).
_JSON_NUMBERS = re.compile(r"(?:[\[\] \t\r\n,]+"
                           r"|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?=[ \t\r\n]*[,\]]))*+")
_BRACKETS_TO_SPACES = bytes.maketrans(b"[]", b"  ")
