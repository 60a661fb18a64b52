"""Interface texts in French, Dutch and English, looked up by key (`t`), and number and date formats (babel).

Every string the interface shows has a key with its three languages in `indicators/texts/<area>.py`,
merged here into one table, `TEXTS`; a test fails when one is missing. Framework names (levels, themes,
actions, indicators, territories) come from the data's `name_fr/nl/en` columns.

Plurals: a text whose words follow a count gives, for a language, a dict of CLDR plural forms instead of
one string, `{"one": "{n} territoire", "other": "{n} territoires"}` ("other" is required; a form the
dict lacks, French "many" for a million, reads as "other"). The count is always the parameter `n`,
passed as a number: `t` picks the form by babel's rule (French: 0 and 1 are "one"; Dutch and English:
only 1) and writes `n` in the language's grouping (1 001, 1.001, 1,001). Never "territoire(s)". A
sentence with several counts composes plural sub-texts: `t("rolled_back", lang,
removed=t("rolled_back_removed", lang, n=5), restored=t("rolled_back_restored", lang, n=1))`.

Moments: a text naming a day or a time has it as the parameter `when`; given as a date, a datetime or their
ISO text (as the store keeps them: `2026-12-07T13:05:00+00:00`, UTC), `t` writes it as the language says it,
in the region's time (`when`: 7 déc. 2026 à 14:05, 7 dec 2026 om 14:05, 7 Dec 2026 at 14:05). Never ISO.
"""
from __future__ import annotations

import decimal
import functools
import math
import os
import re
from datetime import date, datetime, timezone

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import parse_pattern

LANGS = ("fr", "nl", "en")
DEFAULT_LANG = "fr"
LANG_NAMES = {"fr": "Français", "nl": "Nederlands", "en": "English"}
LOCALES = {"fr": "fr_FR", "nl": "nl_BE", "en": "en_GB"}


class Plural(str):
    """A text's plural forms in one language, `forms` = {"one": …, "other": …}, chosen by `pick`. As a
    string it is its "other" form, so whatever reads every text as a string (the placeholder checks) still
    can."""

    forms: dict[str, str]

    def __new__(cls, forms: dict[str, str]):
        if "other" not in forms:
            raise ValueError(f"a plural text needs its 'other' form: {forms}")
        text = super().__new__(cls, forms["other"])
        text.forms = dict(forms)
        return text

    def pick(self, n, lang: str) -> str:
        return self.forms.get(_locale(lang).plural_form(abs(n)), self.forms["other"])


class Dated(str):
    """A problem's message naming a day (`{today}`, which the engine passes as ISO text): the day said as the
    reader's language writes it (7 déc. 2026, 7 Dec 2026), never 2026-12-07 (`moment`). Formatted as any
    template (problems.Problem.message)."""

    DAYS = ("today",)
    lang: str

    def __new__(cls, text: str, lang: str):
        said = super().__new__(cls, text)
        said.lang = lang
        return said

    def format(self, *args, **params) -> str:
        return str.format(self, *args, **{k: moment(v, self.lang) if k in self.DAYS else v for k, v in params.items()})


def dated(entry: dict[str, str]) -> dict[str, str]:
    """A message's three languages as `Dated` texts."""
    return {lang: Dated(text, lang) for lang, text in entry.items()}


# Every interface text, key -> {"fr", "nl", "en"}. The texts live in `indicators/texts/<area>.py` (one
# module per concern, each with a `TEXTS` dict of the same shape); they join this one table, and a key
# may be defined only once. A text with plural forms in one language is a `Plural` in all three.
TEXTS: dict[str, dict[str, str]] = {}


def _area_texts() -> None:
    import importlib
    import pkgutil

    from . import texts as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        clash = sorted(set(module.TEXTS) & set(TEXTS))
        if clash:
            raise RuntimeError(f"indicators/texts/{info.name}.py redefines {clash}")
        TEXTS.update({key: _plurals(entry) for key, entry in module.TEXTS.items()})


def _plurals(entry: dict) -> dict:
    if not any(isinstance(text, dict) for text in entry.values()):
        return entry
    return {lang: Plural(text if isinstance(text, dict) else {"other": text}) for lang, text in entry.items()}


_area_texts()

# Progress statuses: Open SDG words, and Eurostat's own words for the no-target case.
STATUS_TEXTS: dict[str, dict[str, str]] = {
    "achieved": {"fr": "Cible atteinte", "nl": "Streefwaarde bereikt", "en": "Target achieved"},
    "on_track": {"fr": "En bonne voie", "nl": "Op koers", "en": "On track"},
    "acceleration_needed": {"fr": "Accélération nécessaire", "nl": "Versnelling nodig", "en": "Acceleration needed"},
    "limited_progress": {"fr": "Progrès limité", "nl": "Beperkte vooruitgang", "en": "Limited progress"},
    "deterioration": {"fr": "Dégradation", "nl": "Achteruitgang", "en": "Deterioration"},
    "not_assessed": {"fr": "Non évalué", "nl": "Niet beoordeeld", "en": "Not assessed"},
}
EUROSTAT_TEXTS: dict[str, dict[str, str]] = {
    "on_track": {"fr": "Progrès significatif", "nl": "Significante vooruitgang", "en": "Significant progress"},
    "acceleration_needed": {"fr": "Progrès modéré", "nl": "Matige vooruitgang", "en": "Moderate progress"},
    "limited_progress": {"fr": "Éloignement modéré", "nl": "Matige verwijdering", "en": "Moderate movement away"},
    "deterioration": {"fr": "Éloignement significatif", "nl": "Significante verwijdering",
                      "en": "Significant movement away"},
}


# Encodings as the reader names them (Python codec names), and as a planner knows them.
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "utf-16": "UTF-16", "utf-32": "UTF-32", "cp1252": "Windows-1252",
                  "iso-8859-1": "ISO-8859-1 (Latin-1)"}


def encoding_name(code: str | None) -> str:
    return "XLSX" if not code else ENCODING_NAMES.get(code.lower(), code)


def count(n: int, one_key: str, other_key: str, lang: str) -> str:
    """`1 action`, `3 actions`, `0 action` in French: the language's own plural rule (CLDR, via babel)."""
    from babel import Locale

    form = Locale.parse(lang).plural_form(n)
    return f"{number(n, lang, 0)} {t(one_key if form == 'one' else other_key, lang).lower()}"   # 1 001, not 1001


def t(key: str, lang: str, **params) -> str:
    entry = TEXTS[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    if isinstance(text, Plural):   # the form for the count `n`, written in the language's grouping
        text, params["n"] = text.pick(params["n"], lang), number(params["n"], lang, 0)
    if "when" in params:   # a moment in the language's words, never the store's ISO text
        params["when"] = moment(params["when"], lang)
    return text.format(**params) if params else text


def written_in(code, lang: str) -> str | None:
    """What a partner's text in language `code` carries for a reader of `lang`: "in het Frans geschreven" beside
    a French progress update read in Dutch (the Actions page's timeline, the report); None in the reader's own
    language or with no language given. Any language a partner may write in (languages.py) is named in the
    reader's words: "in het Duits geschreven"."""
    code = code.strip().lower() if isinstance(code, str) else ""
    if not code or code == lang:
        return None
    if f"updates_in_{code}" in TEXTS:
        return t(f"updates_in_{code}", lang)
    from .languages import language_name

    named = language_name(code, lang)
    return t("updates_in_other", lang, language=named) if named else None


# Surfaces: the engine's refusals and problems carry a text's key, which the command line and the JSON report
# say as it is. Where a page has its own controls for what the text tells a command-line user to type (a flag,
# a JSON snippet, a repository path), the texts give it a page form, `<key>_on_page`, naming those controls:
# a page asks for `on_page(key)`, and says `key` itself when there is none.
PAGE_FORM = "_on_page"


def on_page(key: str, texts: dict | None = None) -> str:
    """The key a page says for `key`: its page form when `texts` (the interface texts by default; a problem's
    suggestions, problem_messages.SUGGESTIONS) has one, else `key`."""
    return key + PAGE_FORM if key and key + PAGE_FORM in (TEXTS if texts is None else texts) else key


def suggestion_on_page(problem, lang: str) -> str | None:
    """A problem's suggestion (problems.Problem) as a page says it: its page form where it has one."""
    from dataclasses import replace

    from .problem_messages import SUGGESTIONS

    if problem.suggestion and on_page(problem.suggestion[0], SUGGESTIONS) != problem.suggestion[0]:
        problem = replace(problem, suggestion=(on_page(problem.suggestion[0], SUGGESTIONS), problem.suggestion[1]))
    return problem.suggestion_text(lang)


def status_label(status: str, lang: str, method: str = "opensdg", has_target: bool = True) -> str:
    if method == "eurostat" and not has_target and status in EUROSTAT_TEXTS:
        return EUROSTAT_TEXTS[status][lang]
    return STATUS_TEXTS.get(status, STATUS_TEXTS["not_assessed"])[lang]


def pick_lang(requested: str | None, browser_locale: str | None) -> str:
    """The URL's language, else the browser's, else French."""
    if requested in LANGS:
        return requested
    base = (browser_locale or "").replace("_", "-").split("-")[0].lower()
    return base if base in LANGS else DEFAULT_LANG


def name(row, field: str, lang: str) -> str:
    """A framework name in the language, falling back to French then to the code."""
    for key in (f"{field}_{lang}", f"{field}_fr", f"{field}_en"):
        value = row.get(key) if hasattr(row, "get") else None
        if value is not None and not (isinstance(value, float) and math.isnan(value)) and str(value).strip():
            return str(value)
    return ""


def sort_key(text) -> str:
    """A name's place in a list a reader looks it up in: accents, case, spaces and punctuation
    ignored at first, as a dictionary orders them ("de Bruges" before "d'Ostende", "Écaussinnes"
    among the E); the text itself breaks ties."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").casefold()
    return "".join(ch for ch in plain if ch.isalnum()) + "\0" + str(text)


def colon(lang: str) -> str:
    """A colon as the language writes it: French puts a narrow no-break space before it."""
    return "\u202f:" if lang == "fr" else ":"


def number(value, lang: str, decimals: int | None = 1) -> str:
    """1 234,5 in French, 1.234,5 in Dutch, 1,234.5 in English; an en dash for no value. Rounded half
    away from zero (`rounded`): 1 096,5 with no decimals is 1 097, as a planner rounds it."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    digits = 1 if decimals is None else int(decimals)
    return _written(rounded(value, digits), digits, lang)


# From this magnitude on a number is written in scientific notation, in the language's digits (1,2E28 in
# French, 1.2E28 in English): written out in full it would be 29 digits long, and babel's pattern cannot
# even write it (its quantize fails from 1e27 on). Below it, a float still holds every whole number.
SCIENTIFIC_FROM = decimal.Decimal("1e15")


def _written(exact, digits: int, lang: str) -> str:
    # Cached: babel's pattern costs ~30 µs a number, and a large store's table writes thousands on every
    # rerun. The sign is part of the key: -0.0 equals 0.0 (and hashes alike) but may be written "-0".
    return _written_once(exact, isinstance(exact, decimal.Decimal) and exact.is_signed(), digits, lang)


@functools.lru_cache(maxsize=65_536)
def _written_once(exact, signed: bool, digits: int, lang: str) -> str:
    """A rounded number (`rounded`'s Decimal) in the language's format; a huge one in scientific notation,
    an infinite one as the sign ∞ (never raised: the import accepts anything up to 1e300)."""
    if not isinstance(exact, decimal.Decimal):   # inf (a float): never stored, but never a crash either
        return ("-" if exact < 0 else "") + "∞"
    if exact.copy_abs() >= SCIENTIFIC_FROM:
        return scientific(exact, lang)
    return _decimal_pattern(digits).apply(exact, _locale(lang))


def scientific(value, lang: str) -> str:
    """A finite number in scientific notation in the language's digits, its mantissa to 3 decimals at most,
    a half away from zero: 1,235E28 (fr), 1.0E21 for 9.9996e20 (never 10,0E20), 3,0E-300."""
    exact = value if isinstance(value, decimal.Decimal) else decimal.Decimal(repr(float(value)))
    if exact.is_zero():
        return _decimal_pattern(0).apply(decimal.Decimal(0), _locale(lang))
    exponent = exact.adjusted()
    mantissa = exact.scaleb(-exponent).quantize(decimal.Decimal("0.001"), context=_ROUNDING)
    if mantissa.copy_abs() >= 10:
        exponent, mantissa = exponent + 1, (mantissa / 10).quantize(decimal.Decimal("0.001"), context=_ROUNDING)
    symbols = _locale(lang).number_symbols.get("latn", {})
    return f"{_MANTISSA.apply(mantissa, _locale(lang))}{symbols.get('exponential', 'E')}{exponent}"


_MANTISSA = parse_pattern("0.0##")


# Enough digits for any float written out in full (1.8e308 has 309): quantize never fails for lack of them.
_ROUNDING = decimal.Context(prec=400, rounding=decimal.ROUND_HALF_UP)


def rounded(value, digits: int, shift: int = 0):
    """`value` × 10**`shift` rounded to `digits` decimals, a half away from zero (1096.5 → 1097,
    142.5 → 143, −2.5 → −3; Python's round and babel round a half to even: 1096 and 142). Read from the
    number as written (its shortest repr), so that 2.675 is 2.68 although the float lies just below it;
    a percent shifts by 2 on that text (0.145 → 14.5 → 15 %, where 0.145 × 100 is 14.499…). A Decimal;
    never −0 (no "-0,0"); an infinite value as a float."""
    value = float(value)
    if not math.isfinite(value):
        return value * 10 ** shift
    exact = decimal.Decimal(repr(value)).scaleb(shift)
    out = exact.quantize(decimal.Decimal(1).scaleb(-int(digits)), context=_ROUNDING)
    return out.copy_abs() if out.is_zero() else out


@functools.lru_cache(maxsize=16)
def _decimal_pattern(digits: int):
    # babel's format_decimal parses its pattern and locale on every call: 7,000 table cells took 0.2 s
    return parse_pattern("#,##0" + ("." + "0" * digits if digits > 0 else ""))


@functools.lru_cache(maxsize=8)
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES[lang])


def percent(value, lang: str, decimals: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    # the share × 100 rounded as every number is (`rounded`: 57,5 → 58 %, 12,5 → 13 %), then its sign
    return _written(rounded(value, decimals, shift=2), decimals, lang) + PERCENT_SIGN[lang]


# As CLDR writes a share: 57 % in French (a no-break space before the sign), 57% in Dutch and English.
PERCENT_SIGN = {"fr": "\u00a0%", "nl": "%", "en": "%"}


def with_unit(text: str, unit: str | None, lang: str) -> str:
    """A number already in the page's format and its unit, never split across lines: 8,0 % (fr), 8.0%
    (en), 1 234,5 km."""
    unit = (unit or "").strip()
    if not unit:
        return text
    return text + PERCENT_SIGN[lang] if unit == "%" else f"{text}\u00a0{unit}"


def size(nbytes, lang: str) -> str:
    """A size in bytes as a reader says it: 340 ko, 1,2 Mo, 1.2 MB (babel's units)."""
    from babel.units import format_unit

    n = float(nbytes or 0)
    unit, value = (("digital-megabyte", n / 1e6) if n >= 1e6 else ("digital-kilobyte", n / 1e3))
    return format_unit(value, unit, locale=LOCALES.get(lang, "en_GB"), length="short", format="#,##0.#")


# The time a moment is shown in: the region's (the store keeps UTC). Another border region sets its own
# (an IANA name, such as Europe/Luxembourg) in $INDICATORS_TIME_ZONE.
TIME_ZONE_VAR, DEFAULT_TIME_ZONE = "INDICATORS_TIME_ZONE", "Europe/Brussels"
_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?")


@functools.lru_cache(maxsize=4)
def _zone(name: str):
    """The zone `name` as zoneinfo knows it, else None (`Mars/Olympus`, `../../etc/passwd`, an empty name)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):   # unknown, not a zone's file, a path, too long
        return None


def bad_time_zone() -> str | None:
    """$INDICATORS_TIME_ZONE as set, when it is set to no zone zoneinfo knows: the command line refuses to
    run with it (exit 2), the dashboard says so once and shows Brussels time. An empty (or blank) variable
    is unset, as an empty MONITOR_* limit or INDICATORS_DB_URL is."""
    raw = os.environ.get(TIME_ZONE_VAR)
    return raw if raw is not None and raw.strip() and _zone(raw.strip()) is None else None


def time_zone():
    """The zone moments are shown in: $INDICATORS_TIME_ZONE, else (unset, empty or unknown) Europe/Brussels."""
    raw = os.environ.get(TIME_ZONE_VAR)
    return (raw is not None and raw.strip() and _zone(raw.strip())) or _zone(DEFAULT_TIME_ZONE) or timezone.utc


def moment(value, lang: str):
    """A date or a time as the language says it, in the region's time: `7 déc. 2026 à 14:05`, `7 dec 2026
    om 14:05`, `7 Dec 2026 at 14:05`; a day alone, `7 déc. 2026`. `value`: a date, a datetime (one without
    a zone is the store's, UTC) or their ISO text; anything else is returned as it is (a text already in
    words, a period)."""
    if isinstance(value, str):
        text = value.strip()
        if not _ISO_MOMENT.fullmatch(text):
            return value
        try:
            value = datetime.fromisoformat(text.replace("Z", "+00:00")) if len(text) > 10 else date.fromisoformat(text)
        except ValueError:
            return value
    if isinstance(value, datetime):
        if value != value:   # NaT
            return "–"
        local = (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone(time_zone())
        return t("date_at_time", lang, date=format_date(local, format="medium", locale=LOCALES[lang]),
                 time=format_time(local, format="short", locale=LOCALES[lang]))
    if isinstance(value, date):
        return format_date(value, format="medium", locale=LOCALES[lang])
    return value


def when(value, lang: str) -> str:
    """A date or timestamp in the language's words (`moment`); an en dash for none."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return str(moment(value, lang))
