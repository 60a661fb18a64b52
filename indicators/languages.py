"""The languages a partner may write in: every two-letter ISO 639-1 code, as babel (the Unicode CLDR)
knows them. The dashboard speaks French, Dutch and English (i18n.LANGS); a progress update written in
German (`de`) or Luxembourgish (`lb`) is stored and shown as written, with its language."""
from __future__ import annotations

from babel import Locale


def _codes() -> tuple[str, ...]:
    return tuple(sorted(code for code in Locale("en").languages
                        if len(code) == 2 and code.isascii() and code.isalpha() and code.islower()))


LANGUAGE_CODES: tuple[str, ...] = _codes()          # aa, ab, … de, … lb, … zu (184)
LANGUAGE_PATTERN = r"^(" + "|".join(LANGUAGE_CODES) + r")$"


def language_name(code: str | None, lang: str) -> str | None:
    """The language `code` as `lang` names it (de, fr -> allemand), None for a code babel does not know."""
    if not code:
        return None
    return Locale.parse(lang).languages.get(str(code).lower())
