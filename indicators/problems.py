"""Problems found in a user's file, said in French, English and Dutch (their words: problem_messages.py).

A problem names the file, the row as a spreadsheet shows it (header = row 1),
the column as written in the file, the value, what is wrong and, where one
exists, a suggestion. Messages are templates so that every language says the
same thing with the same figures.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .i18n import Plural
from .problem_messages import KIND_NAMES, LIMIT_WORDS, MESSAGES, SHEET_ASIDE, SUGGESTIONS

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


def _localise(params: dict, lang: str, unnamed: tuple[str, ...] = ()) -> dict:
    out = {}
    for k, v in params.items():
        if k.endswith("kind") and v in KIND_NAMES:
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
    # The rows of a `more_same` problem: every one of them is left out when bad rows are skipped.
    more_rows: tuple = field(default=(), compare=False, repr=False)
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
        rest = tuple(int(r) for r in rows[listed:])
        distinct = list(dict.fromkeys(rest[:1000]))   # a mapped row can hold several cells
        shown = ", ".join(map(str, distinct[:10])) + (", …" if len(distinct) > 10 or len(set(rest)) > 10 else "")
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


def problem_rows_of(problem: Problem) -> tuple:
    """Every spreadsheet row a problem stands for."""
    return problem.more_rows or ((problem.row,) if problem.row is not None else ())


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
