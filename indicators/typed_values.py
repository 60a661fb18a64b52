"""Values a contributor types in a form instead of sending a file.

The form lists the indicators the contributor's partner owns; the contributor chooses a territory and
a period and types a value per indicator in the page's number format (`1 234,5` in French,
`1.234,5` in Dutch, `1,234.5` in English), with an optional flag and note. The typed values become the
rows a file would hold (the canonical observations table), written as a CSV in the import format and
sent through `submissions.submit`: validated at once with the import's checks, the same report, the
same review queue, the same refusal of another partner's indicator. Nothing here writes by itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sqlalchemy.engine import Engine

from .accounts import Account
from .parsing import normal_flag, parse_number_cell, parse_period, wrong_signs
from .partners import codes
from .schema import is_flag

DECIMAL = {"fr": ",", "nl": ",", "en": "."}
COLUMNS = ["indicator_id", "territory_id", "period", "value", "flag", "note"]


@dataclass
class Typed:
    frame: pd.DataFrame                                   # the canonical observations rows
    problems: list[tuple[str, str, str]] = field(default_factory=list)   # (indicator_id, text, text key)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.frame.empty


def owned(indicators: pd.DataFrame | None, partner_id: str | None) -> pd.DataFrame:
    """The indicators `partner_id` owns (its `owner` cell names it), in the framework's order."""
    if indicators is None or indicators.empty or not partner_id or "owner" not in indicators:
        return pd.DataFrame(columns=["indicator_id"])
    mask = indicators["owner"].map(lambda cell: partner_id in codes(cell))
    return indicators[mask].reset_index(drop=True)


def read_value(text: str, lang: str, unit: str | None = None) -> tuple[float | None, str | None, str | None]:
    """(value, flag, problem key) of a typed cell in the page's format; (None, None, None) when empty.
    Read as a file's cell is (parsing): a flag may follow the number (`12,5 p`), and a unit written beside
    it (`71,25%`) is dropped when it is the indicator's `unit`, refused when it is another (wrong_signs)."""
    text = (text or "").strip()
    if not text:
        return None, None, None
    value, flag, problem = parse_number_cell(text, DECIMAL.get(lang, "."), units=True)
    if problem == "unit_sign":
        cell = np.array([text], dtype=object)
        problem = "wrong_unit" if wrong_signs(cell, np.array(["_"], dtype=object), {"_": unit}) else None
    if problem:
        return None, None, f"typed_{problem}"
    if value is None:               # a "no value" marker typed: nothing to send
        return None, None, "typed_no_value"
    return value, normal_flag(flag), None


def decimals_of(value: str) -> int:
    """The decimals a stored value text carries (`1234.5` -> 1, `12.0` -> 0), to show it as typed."""
    text = str(value)
    if "e" in text.lower() or "." not in text:
        return 0 if "e" not in text.lower() else 6
    return len(text.split(".", 1)[1].rstrip("0"))


def _next(period: str) -> str:
    if len(period) == 4:
        return str(int(period) + 1)
    year, rest = period[:4], period[5:]
    if rest.startswith("Q"):
        q = int(rest[1:])
        return f"{int(year) + (q == 4)}-Q{1 if q == 4 else q + 1}"
    m = int(rest)
    return f"{int(year) + (m == 12)}-{1 if m == 12 else m + 1:02d}"


def periods(observations: pd.DataFrame, indicator_ids, how_many: int = 5) -> tuple[list[str], str | None]:
    """The periods offered (newest first) and the one proposed: each indicator's period after its latest,
    and the latest stored ones. Without any value, the last few years."""
    mine = observations[observations["indicator_id"].isin(list(indicator_ids))] if len(observations) else observations
    if mine is None or mine.empty:
        year = pd.Timestamp.today().year
        offered = [str(year - k) for k in range(how_many)]
        return offered, offered[0]
    following = mine.groupby("indicator_id")["period"].max().map(_next)
    proposed = following.value_counts().index[0]
    stored = sorted(set(mine["period"]), reverse=True)[:how_many]
    return sorted(set(following) | set(stored), reverse=True), proposed


def territories(observations: pd.DataFrame, indicator_ids, all_ids) -> list[str]:
    """Territories where the partner's indicators have values, the most used first; else every one."""
    mine = observations[observations["indicator_id"].isin(list(indicator_ids))] if len(observations) else observations
    if mine is None or mine.empty:
        return list(all_ids)
    return list(mine["territory_id"].value_counts().index)


def latest(observations: pd.DataFrame, indicator_ids, territory_id: str) -> dict[str, tuple[str, float]]:
    """indicator_id -> (period, value) of its latest stored value in the territory."""
    mine = observations[observations["indicator_id"].isin(list(indicator_ids))
                        & (observations["territory_id"] == territory_id)] if len(observations) else observations
    if mine is None or mine.empty:
        return {}
    last = mine.sort_values("period").groupby("indicator_id").tail(1)
    return {r.indicator_id: (r.period, r.value) for r in last.itertuples()}


def rows(typed: dict[str, str], territory_id: str, period: str, lang: str,
         flags: dict[str, str | None] | None = None, notes: dict[str, str] | None = None,
         units: dict[str, str] | None = None) -> Typed:
    """The observations rows of the typed values (empty cells are skipped) and the cells that cannot
    be read, each named by its indicator (`units`: indicator -> its unit, for a unit typed beside a number)."""
    flags, notes, units = flags or {}, notes or {}, units or {}
    out, problems = [], []
    normal = parse_period(str(period or ""))
    if normal is None:
        problems.append(("", str(period or ""), "typed_bad_period"))
    for indicator_id, text in typed.items():
        value, flag, problem = read_value(text, lang, units.get(indicator_id))
        chosen = (flags.get(indicator_id) or "").strip().lower()
        if problem:
            problems.append((indicator_id, text, problem))
            continue
        if value is None:
            continue
        if chosen and not is_flag(chosen):
            problems.append((indicator_id, chosen, "typed_bad_flag"))
            continue
        # The flag chosen and the one typed after the number (`12,5 p`) together, as the plain import
        # stores a flag column beside `12,5 p` (`ep`): neither is dropped.
        chosen = normal_flag(chosen, flag)
        note = (notes.get(indicator_id) or "").strip()
        out.append([indicator_id, territory_id, normal, repr(float(value)), chosen or "", note])
    frame = pd.DataFrame(out, columns=COLUMNS)
    if frame.empty and not problems:
        problems.append(("", "", "typed_nothing"))
    return Typed(frame, problems)


def as_file(frame: pd.DataFrame) -> bytes:
    """The rows as a CSV in the import format (UTF-8, comma, decimal point): what an editor reviews."""
    from .exporting import to_csv_bytes

    keep = [c for c in COLUMNS if c in ("indicator_id", "territory_id", "period", "value")
            or frame[c].astype(str).str.strip().any()]
    return to_csv_bytes(frame[keep])


def file_name(partner_id: str | None, territory_id: str, period: str) -> str:
    return f"form-{partner_id or 'values'}-{territory_id}-{period}.csv"


def submit(engine: Engine, account: Account, typed: dict[str, str], territory_id: str, period: str, lang: str,
           flags: dict[str, str | None] | None = None, notes: dict[str, str] | None = None,
           replaces: int | None = None, units: dict[str, str] | None = None):
    """(Typed, Submitted or None): the typed values sent through `submissions.submit`, exactly as an
    uploaded file; None when a typed cell cannot be read (nothing is sent, the problems say why)."""
    from . import submissions as S
    from .accounts import require

    require(account, "submit")
    found = rows(typed, territory_id, period, lang, flags, notes, units)
    if not found.ok:
        return found, None
    normal = str(found.frame["period"].iloc[0])
    content = as_file(found.frame)
    return found, S.submit(engine, account, file_name(account.partner_id, territory_id, normal), content, replaces)
