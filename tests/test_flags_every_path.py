"""A value's flag is stored the same whichever way it came in: a plain file, a foreign file read through a
mapping, or the values typed in the form. The letters after the number (`12,5 p`) and the flag column's
(`e`) together, each once, in Eurostat's order (`ep`); unknown letters refused (parsing.normal_flag)."""
from __future__ import annotations

import pytest

from indicators import typed_values as TV
from indicators.importing import validate_files
from indicators.mappings import apply_mapping

from .helpers import write

# (the value cell, the flag cell) -> the stored flag, or None for a refused row
CASES = [
    (("12,5 p", "e"), "ep"),
    (("12,5 pe", ""), "ep"),
    (("12,5 PP", ""), "p"),
    (("3", "PE"), "ep"),
    (("4 e", "pp"), "ep"),
    (("4 p", "p"), "p"),
    (("7", ""), ""),
    (("12 q", ""), None),
    (("12 p", "xq"), None),
]


def plain(tmp_path, cell, flag):
    text = f"indicator_id;territory_id;period;value;flag\nMOB01;59350;2021;{cell};{flag}\n"
    checked = validate_files(None, [write(tmp_path, "plain.csv", text)])
    return _flag_of(checked)


def mapped(tmp_path, cell, flag):
    path = write(tmp_path, "foreign.csv", f"CODGEO;Part;Qualité\n59350;{cell};{flag}\n")
    spec = {"territory": "CODGEO", "period": "2021", "values": {"Part": "MOB01"}, "flag": {"column": "Qualité"}}
    result = apply_mapping(path, spec)
    if [p for p in result.problems if p.severity == "error" and p.code == "bad_flag"]:
        return None
    return _flag_of(validate_files(None, [result]))


def typed(tmp_path, cell, flag):
    found = TV.rows({"MOB01": cell}, "59350", "2021", "fr", flags={"MOB01": flag})
    if found.problems:
        assert [key for _, _, key in found.problems] == ["typed_bad_flag"]
        return None
    return found.frame["flag"].iloc[0]


def _flag_of(checked):
    if [p for p in checked.problems if p.code == "bad_flag"]:
        return None
    table = checked.tables["observations"]
    assert len(table) == 1
    flag = table["flag"].iloc[0]
    return flag if isinstance(flag, str) else ""


@pytest.mark.parametrize("path", [plain, mapped, typed], ids=["plain", "mapped", "typed"])
@pytest.mark.parametrize("cells, stored", CASES, ids=[f"{c}|{f}" for (c, f), _ in CASES])
def test_a_flag_is_stored_alike_by_every_path(tmp_path, path, cells, stored):
    assert path(tmp_path, *cells) == stored


def test_a_typed_flag_is_read_as_the_import_reads_it():
    assert TV.read_value("12,5 pe", "fr") == (12.5, "ep", None)
    assert TV.read_value("12,5 PP", "fr") == (12.5, "p", None)
