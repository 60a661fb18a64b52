"""Problems found in a user's file, said in French, English and Dutch (their words: problem_messages.py).

A problem names the file, the row as a spreadsheet shows it (header = row 1),
the column as written in the file, the value, what is wrong and, where one
exists, a suggestion. Messages are templates so that every language says the
same thing with the same figures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import numpy as np

from .i18n import Plural
from .problem_messages import MESSAGES, SUGGESTIONS
from .texts.problem_names import KIND_NAMES, LIMIT_WORDS, SHEET_ASIDE
from .schema import TABLES

LANGS = ("fr", "en", "nl")


# A column with an empty header, named by its letter (reading_header.unnamed), as each language says it.
COLUMN_WORD = {"en": "column", "fr": "colonne", "nl": "kolom"}


def unnamed_said(letter: str, lang: str = "en") -> str:
    """A column with an empty header as `lang` says it, by its letter: "colonne E"; in English the name
    the readers give it (reading_header.unnamed), "column E"."""
    return f"{COLUMN_WORD.get(lang, COLUMN_WORD['en'])} {letter}"


def _said(names, lang: str, unnamed: tuple[str, ...]):
    """A column's name, or a list of names ("a, column E"), as `lang` says it: a column whose header
    cell was empty (its letter in `unnamed`, as the reader knew it) by its letter, "colonne E"; any other
    name as written, one written `column E` too."""
    if not isinstance(names, str):
        return names
    said = {unnamed_said(letter): unnamed_said(letter, lang) for letter in unnamed}
    if not said or names in said:
        return said.get(names, names)
    return ", ".join(said.get(name, name) for name in names.split(", "))


def table_said(name: str, lang: str) -> str:
    """A table as the docs, the Data page's templates and its file name call it: `Gebieden (territories)`,
    `Observations` (its name beside only where the label is another word). Never the kind of a code
    (`gebied`): no table of that name exists (`{table}` in a message: _localise)."""
    label = getattr(TABLES[name], f"label_{lang}", TABLES[name].label_en)
    return label if label.lower() == name.replace("_", " ") else f"{label} ({name})"


def _localise(params: dict, lang: str, unnamed: tuple[str, ...] = ()) -> dict:
    out = {}
    for k, v in params.items():
        if k.endswith("kind") and v in KIND_NAMES:
            if v in TABLES:   # `{table}`, `{found_table}`: the table as the docs name it (Gebieden), not `gebied`
                out[k[:-len("kind")] + "table"] = table_said(v, lang)
            v = KIND_NAMES[v].get(lang, v)
        elif k == "why" and v in SHEET_ASIDE:
            v = SHEET_ASIDE[v].get(lang, v)
        elif k == "what" and v in LIMIT_WORDS:
            v = LIMIT_WORDS[v].get(lang, v)
        elif k == "below" and isinstance(v, str):   # "total+notes": what lies under a table, in words
            from .texts.planners_files import BELOW_WORDS
            v = ", ".join(BELOW_WORDS[w].get(lang, w) if w in BELOW_WORDS else w for w in v.split("+"))
        elif k == "unit" and isinstance(v, str):   # `persons` as each language writes it
            from .units import unit_of
            v = unit_of({"unit": v}, lang)
        elif k in ("found", "limit", "length", "count", "listed") and isinstance(v, int):
            from babel.numbers import format_decimal
            v = format_decimal(v, locale={"fr": "fr_FR", "nl": "nl_BE"}.get(lang, "en_GB"))
        elif k in ("columns", "found", "missing", "column"):
            v = _said(v, lang, unnamed)
        out[k] = v
    return out


# A value longer than this is cut where a problem is made, and said with its length.
VALUE_SHOWN = 120
CUT_VALUE = {
    "en": "{value} ({length} characters)",
    "fr": "{value} ({length} caractères)",
    "nl": "{value} ({length} tekens)",
}


class Rows:
    """Spreadsheet rows, in their order, kept as numbers: runs of consecutive rows (a file failing on each
    of its 700,000 rows: two numbers), else one int64 a row. A tuple of Python ints cost 36 bytes a row,
    and every failing row was kept so, in each problem counted past the cap (finding L4, stop 31).

    Immutable; equal to another `Rows` or to the tuple of the same rows, hashed as that tuple, ordered as
    tuples are (never as arrays, whose `==` is element-wise); iterating gives ints; `array()` gives them
    all at once, for numpy (np.isin) without a Python object a row.
    """

    __slots__ = ("_ran", "_data", "_offsets", "_size", "_hash")
    BLOCK = 1 << 16   # rows looked at at once when finding runs: no temporary the size of all the rows

    def __init__(self, rows=()):
        values = np.asarray(rows if not isinstance(rows, Rows) else rows.array(), dtype=np.int64).ravel()
        size = len(values)
        found = 0
        for at in self._breaks(values):   # counted first, kept only if runs are worth keeping
            found += len(at)
            if 2 * (found + 1) + 1 > size:   # runs (a first row and an offset each) would cost more
                break
        ran = size > 0 and 2 * (found + 1) + 1 <= size
        if ran:
            firsts = np.concatenate([np.zeros(1, dtype=np.int64), *self._breaks(values)])
            data = values[firsts]
            offsets = np.append(firsts, size)
        else:
            data, offsets = values.copy(), None
        data.setflags(write=False)
        if offsets is not None:
            offsets.setflags(write=False)
        for name, value in (("_ran", ran), ("_data", data), ("_offsets", offsets), ("_size", size),
                            ("_hash", None)):
            object.__setattr__(self, name, value)

    @classmethod
    def _breaks(cls, values: np.ndarray):
        """Block by block, the positions where a run starts anew: the row is not the one before + 1."""
        for start in range(1, len(values), cls.BLOCK):
            part = values[start - 1:start + cls.BLOCK]
            yield np.flatnonzero(part[1:] - part[:-1] != 1) + start

    def __setattr__(self, name, value):
        raise AttributeError("Rows are immutable")

    def __reduce__(self):
        return Rows, (self.array(),)

    def __len__(self) -> int:
        return self._size

    def __bool__(self) -> bool:
        return self._size > 0

    def __iter__(self):
        if self._ran:
            for first, length in zip(self._data.tolist(), np.diff(self._offsets).tolist()):
                yield from range(first, first + length)
        else:
            for start in range(0, self._size, self.BLOCK):
                yield from self._data[start:start + self.BLOCK].tolist()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Rows(self.array()[index])
        index = int(index)
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError("row index out of range")
        if not self._ran:
            return int(self._data[index])
        run = int(np.searchsorted(self._offsets, index, side="right")) - 1
        return int(self._data[run]) + index - int(self._offsets[run])

    def __contains__(self, row) -> bool:
        if not isinstance(row, (int, np.integer)):   # 5.0, None: as a tuple says it
            return any(r == row for r in self)
        if self._ran:
            ends = self._data + np.diff(self._offsets)
            return bool(((self._data <= row) & (row < ends)).any())
        return bool((self._data == row).any())

    def array(self) -> np.ndarray:
        """Every row, as one int64 array (runs spread out)."""
        if not self._ran:
            return self._data
        lengths = np.diff(self._offsets)
        return np.repeat(self._data - self._offsets[:-1], lengths) + np.arange(self._size, dtype=np.int64)

    def __array__(self, dtype=None, copy=None):
        values = self.array()
        return values if dtype is None else values.astype(dtype)

    def _key(self, other):
        """`other` as something to compare with, or None: a Rows, or a tuple (as the rows were kept)."""
        if isinstance(other, Rows):
            return other
        if isinstance(other, tuple):
            return other
        return None

    def __eq__(self, other):
        other = self._key(other)
        if other is None:
            return NotImplemented
        if len(other) != self._size:
            return False
        if isinstance(other, Rows):   # the same rows have the same runs: compare them, not the rows
            return self._ran == other._ran and np.array_equal(self._data, other._data) and (
                not self._ran or np.array_equal(self._offsets, other._offsets))
        return all(a == b for a, b in zip(self, other))

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:   # as the tuple it equals
        if self._hash is None:
            object.__setattr__(self, "_hash", hash(tuple(self)))
        return self._hash

    def _compare(self, other) -> int | None:
        """-1, 0 or 1 as tuples compare: the first row that differs, else the shorter first."""
        other = self._key(other)
        if other is None:
            return None
        for a, b in zip(self, other):
            if a != b:
                return -1 if a < b else 1
        return (self._size > len(other)) - (self._size < len(other))

    def __lt__(self, other):
        c = self._compare(other)
        return NotImplemented if c is None else c < 0

    def __le__(self, other):
        c = self._compare(other)
        return NotImplemented if c is None else c <= 0

    def __gt__(self, other):
        c = self._compare(other)
        return NotImplemented if c is None else c > 0

    def __ge__(self, other):
        c = self._compare(other)
        return NotImplemented if c is None else c >= 0

    def __repr__(self) -> str:
        first = [str(r) for _, r in zip(range(10), self)]
        if self._size <= 10:
            return f"Rows({', '.join(first)})"
        return f"Rows({', '.join(first)}, …: {self._size} rows)"


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    value: str | None
    code: str
    params: dict = field(default_factory=dict)
    suggestion: tuple[str, dict] | None = None
    severity: str = "error"  # "error" blocks the import; "notice" informs
    # The rows of a `more_same` problem: every one of them is left out when bad rows are skipped. Kept as
    # `Rows` (numbers, not a Python int each): equal to the tuple of the same rows, never compared here.
    more_rows: tuple | Rows = field(default=(), compare=False, repr=False)
    # How many characters the cell had, when its value is cut to VALUE_SHOWN (set here, not by callers).
    value_length: int | None = field(default=None, compare=False, repr=False)
    # The letters of the columns whose header cell was empty in the table the problem is about, as its
    # reader knew them (Sheet.unnamed_letters): its column, or a name in its lists of columns, with such
    # a letter is said by it ("colonne E"); any other as written. Empty: a problem naming no such column.
    unnamed: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self):
        # The one place a cell is cut: a cell of 100,000 characters is echoed in no message, report or page.
        if self.value_length is None and isinstance(self.value, str) and len(self.value) > VALUE_SHOWN:
            object.__setattr__(self, "value_length", len(self.value))
            object.__setattr__(self, "value", self.value[:VALUE_SHOWN] + "…")

    def shown_value(self, lang: str = "en") -> str | None:
        """The value as reports show it: a cut one says how many characters the cell had."""
        if self.value_length is None:
            return self.value
        template = CUT_VALUE.get(lang) or CUT_VALUE["en"]
        return template.format(**_localise({"value": self.value, "length": self.value_length}, lang))

    def message(self, lang: str = "en") -> str:
        template = MESSAGES[self.code].get(lang) or MESSAGES[self.code]["en"]
        if isinstance(template, Plural):   # "1 missing column", "2 missing columns": never "column(s)"
            template = template.pick(_counted(self.params), lang)
        return template.format(**_localise({**_implied(self.code), **self.params}, lang, self.unnamed))

    def column_said(self, lang: str = "en") -> str | None:
        """The problem's column as `lang` says it: "colonne E" for one whose header cell was empty, any
        other name as written in the file (DESIGN.md's `column`)."""
        return _said(self.column, lang, self.unnamed)

    def column_unnamed(self) -> bool:
        """Whether the problem's column is one whose header cell was empty (said by its letter alone)."""
        return self.column in {unnamed_said(letter) for letter in self.unnamed}

    def suggestion_text(self, lang: str = "en") -> str | None:
        if not self.suggestion:
            return None
        key, params = self.suggestion
        if key == "write_number" and not params:   # say what the cell holds instead: a unit, (12), letters…
            from .parsing import number_hint

            cell = self.value[:-1] if self.value_length and self.value else self.value   # not the cut's "…"
            key, params = number_hint(cell) or (key, params)
        elif key == "write_period" and not params:   # a date (`31/12/2020`): the year and the month it holds
            from .parsing import period_hint

            key, params = period_hint(self.value) or (key, params)
        template = SUGGESTIONS[key].get(lang) or SUGGESTIONS[key]["en"]
        return template.format(**_localise(params, lang, self.unnamed))

    def as_dict(self, lang: str = "en") -> dict:
        """The JSON form fixed by DESIGN.md."""
        return {
            "file": self.file,
            "row": self.row,
            "column": self.column_said(lang),
            "value": self.shown_value(lang),
            "message": self.message(lang),
            "suggestion": self.suggestion_text(lang),
        }


def _implied(code: str) -> dict:
    """Parameters a message of this kind always has, whoever made the problem (the list of known
    flags: a mapped import made its flag problems without it, and its message raised KeyError)."""
    if code == "bad_flag":
        from .schema import FLAGS

        return {"known": ", ".join(FLAGS)}
    if code in ("too_large", "too_small"):   # the bounds of parsing, named wherever the number was read
        from .parsing import LARGEST, SMALLEST

        return {"largest": f"{LARGEST:g}".replace("e+", "e"), "smallest": f"{SMALLEST:g}"}
    return {}


def capped(file: str, column: str | None, code: str, rows, make, severity: str = "error") -> list[Problem]:
    """The problems of one kind in one column of one file: `make(i)` builds the i-th, for the first
    `MAX_PROBLEMS_LISTED` of `rows`; the others are one `more_same` problem that keeps their rows.

    A file with a mistake on each of its million rows would otherwise cost a million objects (over
    a gigabyte) and a report nobody reads; a planner needs the first ones and the count.
    """
    from . import limits

    listed = limits.get("MAX_PROBLEMS_LISTED")
    out = [make(i) for i in range(min(len(rows), listed))]
    if len(rows) > listed:
        # The counted rows stay numbers (Rows), never a Python int each: a million failing rows cost 36 MB
        # as a tuple, and as much again for each other check failing on them (finding L4, stop 31).
        tail = np.asarray(rows, dtype=np.int64)[listed:]
        rest = Rows(tail)
        distinct = list(dict.fromkeys(tail[:1000].tolist()))   # a mapped row can hold several cells
        more = len(distinct) > 10 or not np.isin(tail, distinct).all()
        shown = ", ".join(map(str, distinct[:10])) + (", …" if more else "")
        out.append(Problem(file, rest[0], column, None, "more_same",
                           {"count": len(rest), "first": int(rows[0]), "rows": shown, "listed": listed},
                           severity=severity, more_rows=rest, unnamed=out[0].unnamed if out else ()))
    return out


def cap(problems: list[Problem]) -> list[Problem]:
    """Problems found one cell at a time (a mapped file), capped as `capped` does, in their order."""
    groups: dict[tuple, list[Problem]] = {}
    for p in problems:
        groups.setdefault((p.file, p.column, p.code, p.severity), []).append(p)
    from . import limits

    listed = limits.get("MAX_PROBLEMS_LISTED")
    if all(len(g) <= listed for g in groups.values()):
        return problems
    out: list[Problem] = []
    for (file, column, code, severity), group in groups.items():
        if len(group) <= listed:
            out.extend(group)
            continue
        out.extend(capped(file, column, code, [p.row or 0 for p in group],
                          lambda i, group=group: group[i], severity=severity))
    return out


def count(problems: list[Problem]) -> int:
    """How many cells the problems stand for: a `more_same` problem counts all of its own."""
    return sum(p.params.get("count", 1) if p.code == "more_same" else 1 for p in problems)


def problem_rows_of(problem: Problem) -> tuple | Rows:
    """Every spreadsheet row a problem stands for."""
    return problem.more_rows or ((problem.row,) if problem.row is not None else ())


def rows_of(problems) -> np.ndarray:
    """Every spreadsheet row the problems stand for (problem_rows_of each), as one int64 array: the rows
    counted past the cap stay numbers, where a list of them cost a Python int a row."""
    parts = [p.more_rows.array() if isinstance(p.more_rows, Rows) else
             np.asarray(problem_rows_of(p), dtype=np.int64) for p in problems]
    return np.concatenate(parts).astype(np.int64, copy=False) if parts else np.zeros(0, dtype=np.int64)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def read_notice(sheet, where: str, code: str, mask, cells, read) -> list[Problem]:
    """One notice for the cells of a sheet's column read otherwise than written (`mars-24` as 2024-03,
    `236?710` as 236710): the first as written and as read (`read(position)`, a number written with the
    sheet's decimal mark), and their rows."""
    import numpy as np

    at = np.flatnonzero(mask)
    if not len(at):
        return []
    value = read(int(at[0]))
    if isinstance(value, float):
        value = (f"{value:.15g}" if not value.is_integer() else str(int(value))).replace(".", sheet.decimal)
    rows = sheet.rows[at]
    shown = ", ".join(str(int(r)) for r in rows[:10]) + (" …" if len(rows) > 10 else "")
    example = str(cells.iat[int(at[0])]).strip()
    return [Problem(sheet.label, int(rows[0]), where, example, code, {"column": where, "count": int(len(at)),
                    "example": example, "read_as": value, "rows": shown}, severity="notice")]


def _counted(params: dict) -> int:
    """The count a message's plural form follows: `n` or `count`, else how many codes `missing` lists."""
    for name in ("n", "count"):
        if isinstance(params.get(name), (int, float)):
            return params[name]
    return len(str(params.get("missing", "")).split(", "))


# A header is named in a report as a cell is shown (problems.VALUE_SHOWN: 120 characters, then "…"), and a list
# of columns names its first NAMES_LISTED, then how many more: a header of 900 names of 1,100 characters each
# was echoed whole (1 MB of report for a 1 MB file). The params of a problem that name columns:
NAMED_COLUMNS = ("column", "first", "columns", "found", "missing")
NAMES_LISTED = 10


def name_shown(name) -> str:
    """A column's name as a report shows it: cut after 120 characters, with "…"."""
    text = str(name)
    return text if len(text) <= VALUE_SHOWN else text[:VALUE_SHOWN] + "…"


_MORE = re.compile(r"… \(\+(\d+)\)")


def names_listed(names, listed: int = NAMES_LISTED) -> str:
    """Columns' names as a report lists them: the first `listed`, each cut (`name_shown`), then
    "… (+N)" for the N others (a language's words are not needed: a count and an ellipsis). A list
    already so written keeps its count."""
    names = list(names)
    more = int(_MORE.fullmatch(names.pop()).group(1)) if names and _MORE.fullmatch(str(names[-1])) else 0
    more += max(len(names) - listed, 0)
    shown = ", ".join(name_shown(n) for n in names[:listed])
    return shown + (f", … (+{more})" if more else "")


def names_cut(p: Problem) -> Problem:
    """A problem whose column, or a parameter naming columns, holds a huge header, with it cut: every
    check names a column as written, and no report echoes a huge one (validate, import, text, JSON, page)."""
    params = {k: (names_listed(v.split(", ")) if k in ("columns", "found", "missing") else name_shown(v))
              for k, v in p.params.items() if k in NAMED_COLUMNS and isinstance(v, str)
              and (len(v) > VALUE_SHOWN or (k != "column" and v.count(", ") >= NAMES_LISTED + 2))}
    column = p.column if p.column is None or len(str(p.column)) <= VALUE_SHOWN else name_shown(p.column)
    if not params and column is p.column:
        return p
    return replace(p, column=column, params={**p.params, **params})
