"""How the report's charts tell the countries apart, in words: the method page's sentence.

It said "French side in a solid line and circles, Belgian side in dashes and squares" whatever the data:
a Greater Region's report (Germany, Luxembourg, France) was told of a Belgian side it did not draw.
The countries said are those of the territories the report's own charts draw (`charts.indicator_chart`
marks each observed series with `meta = {"role": "observed", "territory_id", "country"}`), each with the
look the charts give it and its name in the report's language (`countries.side_looks_text`: the same
rule as the charts, babel's names).
"""
from __future__ import annotations

from typing import Iterable

from ..countries import side_looks_text


def drawn_territories(figures: Iterable) -> list[str]:
    """The territories whose values `figures` draw, in the order they are first drawn."""
    ids: list[str] = []
    for fig in figures:
        for trace in (fig.data if fig is not None else ()):
            meta = getattr(trace, "meta", None)
            if isinstance(meta, dict) and meta.get("role") == "observed" and meta.get("territory_id") is not None:
                ids.append(str(meta["territory_id"]))
    return list(dict.fromkeys(ids))


def sides_text(territories, figures: Iterable, lang: str) -> str:
    """`France : trait plein et ronds ; Allemagne : longs tirets et triangles pointe en bas`: each country
    the charts of `figures` draw, as they draw it ('' when they draw no value)."""
    ids = drawn_territories(figures)
    return side_looks_text(territories, lang, ids) if ids else ""
