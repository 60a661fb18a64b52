"""Review 5: the mapped import names columns and reads unit signs as the plain import does.

1. A column with an empty header is `column D` (reading_header.unnamed) in a mapping too, also when the mapping
   moves the header (`header_row`); a mapping saved by an earlier version naming it `Unnamed: 3` is
   translated when loaded (spec version 2, `upgrade_spec`) and imports the same file.
2. `12,5 %` and `1 234 €` are read through a mapping when the sign is the indicator's unit and refused,
   naming both units, when it is another: the plain import's own functions judge them.

The real files are read from ../shared/fixtures/csv (never copied into the repository).
"""
from __future__ import annotations

import io
import json

import numpy as np
import pytest

from indicators.importing import import_files
from indicators.mappings import (apply_mapping, apply_saved_mapping, known_for_mapping, load_mapping,
                                 save_mapping_spec, validate_spec)
from indicators.mappings.spec import SPEC_VERSION, upgrade_spec
from indicators.reading import read_file
from indicators.store import get_mapping, open_store, read_table, save_mapping
from indicators.validation import Known, check

from .helpers import write
from .test_mappings import INSEE, STATBEL, _errors, _observations, _store, framework  # noqa: F401 (a fixture)

LANGS = ("fr", "nl", "en")

# A note line with as many cells as the table: the reader takes it for the header, `header_row` moves it.
NOTE_FIRST = ("Source;INSEE;RP 2021;extrait;x\n"
              "Unnamed: 0;CODGEO;LIBGEO;;P21_POP\n"
              "0;59350;Lille;51,6;232787\n"
              "1;59512;Roubaix;52,1;98089\n")
NOTE_SPEC = {"header_row": 2, "territory": "CODGEO", "period": "2021",
             "values": {"column D": "DEM_TXF", "P21_POP": "POP_FR"}}


def _insee_without_pcap(tmp_path):
    """The real INSEE file with the header cell of its 4th column (PCAP) left empty."""
    raw = INSEE.read_bytes()
    assert raw.startswith(b"DEPCOM;COM;PMUN;PCAP;PTOT")
    return write(tmp_path, INSEE.name, raw.replace(b"DEPCOM;COM;PMUN;PCAP;PTOT", b"DEPCOM;COM;PMUN;;PTOT", 1))


# ---------------------------------------------------------------- 1. a column with an empty header

def test_a_moved_header_names_an_empty_cell_by_its_letter_as_the_plain_reader_does(tmp_path):
    path = write(tmp_path, "note.csv", NOTE_FIRST, "cp1252")
    assert read_file(path).sheets[0].header_row == 1   # the note is taken for the header
    mapped = apply_mapping(path, NOTE_SPEC)
    assert _errors(mapped) == []
    assert sorted(set(mapped.preview()["column"])) == ["P21_POP", "column D"]
    assert list(mapped.sheet.frame["value"]) == ["51,6", "232787", "52,1", "98089"]
    # The same table with its header on line 1: the plain reader's names are the mapped reader's names.
    plain = read_file(NOTE_FIRST.split("\n", 1)[1].encode(), "plain.csv").sheets[0]
    moved = apply_mapping(path, {**NOTE_SPEC, "values": {"Unnamed: 0": "POP_FR"}})
    assert list(plain.frame.columns) == ["Unnamed: 0", "CODGEO", "LIBGEO", "column D", "P21_POP"]
    # A header that says `Unnamed: 0` (a file pandas wrote) keeps its name; only the empty cell is a letter.
    assert _errors(moved) == [] and set(moved.preview()["column"]) == {"Unnamed: 0"}


def test_a_bad_cell_under_an_empty_header_is_reported_at_its_letter_in_each_language(tmp_path):
    path = write(tmp_path, "note.csv", NOTE_FIRST.replace("51,6", "environ 51"), "cp1252")
    (problem,) = _errors(apply_mapping(path, NOTE_SPEC))
    assert (problem.row, problem.column, problem.value, problem.code) == (3, "column D", "environ 51", "not_a_number")
    missing = apply_mapping(path, {**NOTE_SPEC, "values": {"TX_F": "DEM_TXF"}}).problems[0]
    assert missing.code == "missing_columns" and "Unnamed: 3" not in missing.params["found"]
    for lang, word in (("fr", "colonne D"), ("nl", "kolom D"), ("en", "column D")):
        assert word in missing.message(lang)


def test_a_header_promoted_inside_a_sheet_names_an_empty_cell_by_its_letter():
    """A sheet already read (no bytes to read again): its record on row 2 becomes the header."""
    result = read_file(NOTE_FIRST.encode(), "note.csv")
    mapped = apply_mapping(result, NOTE_SPEC)
    assert _errors(mapped) == [] and "column D" in set(mapped.preview()["column"])


def test_a_workbooks_promoted_header_names_an_empty_cell_by_its_letter():
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "Données"
    ws.append(["Code", "Nom", "Part", "Population"])   # an older header the reader takes
    ws.append(["CODGEO", "LIBGEO", None, "P21_POP"])
    ws.append(["59350", "Lille", 51.6, 232787])
    buffer = io.BytesIO()
    book.save(buffer)
    assert read_file(buffer.getvalue(), "pop.xlsx").sheets[0].header_row == 1
    mapped = apply_mapping(("pop.xlsx", buffer.getvalue()), {**NOTE_SPEC, "values": {"column C": "DEM_TXF"}})
    assert _errors(mapped) == [] and list(mapped.preview()["column"]) == ["column C"]


def test_a_saved_spec_naming_unnamed_3_still_imports_the_same_real_file(tmp_path, sqlite_url, framework):
    engine = _store(sqlite_url, framework)
    path = _insee_without_pcap(tmp_path)
    old = {"version": 1, "territory": {"column": "DEPCOM", "keep": "known", "country": "FR"},
           "period": {"value": "2019"}, "values": {"Unnamed: 3": "POP_FR"}}
    save_mapping(engine, "insee-pcap", old, "alice")   # as a version-1 release saved it
    # Loaded, it names the column as the reader and the mapping step do; the store keeps what was saved.
    assert load_mapping(engine, "insee-pcap")["values"] == {"column D": "POP_FR"}
    assert load_mapping(engine, "insee-pcap")["version"] == SPEC_VERSION == 2
    assert get_mapping(engine, "insee-pcap") == old
    mapped = apply_saved_mapping(engine, "insee-pcap", path)
    assert _errors(mapped) == [] and set(mapped.preview()["column"]) == {"column D"}
    named = apply_mapping(path, {**old, "version": 2, "values": {"column D": "POP_FR"}},
                          known=known_for_mapping(engine))
    assert mapped.preview().equals(named.preview()) and mapped.summary["observations"] == 6
    outcome = import_files(engine, [mapped], user="alice")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    # PCAP of the real file (persons counted apart), as read by eye: Lille 2,055; Ajaccio 849.
    obs = _observations(engine)
    assert obs[("POP_FR", "59350", "2019")][0] == 2055 and obs[("POP_FR", "2A004", "2019")][0] == 849
    # Saved again, it is stored in version 2.
    save_mapping_spec(engine, "insee-pcap", load_mapping(engine, "insee-pcap"), "alice")
    assert get_mapping(engine, "insee-pcap")["values"] == {"column D": "POP_FR"}
    assert get_mapping(engine, "insee-pcap")["version"] == 2


def test_upgrade_translates_every_column_a_version_1_spec_names_and_nothing_else():
    old = {"version": 1, "header_row": 2,
           "split": [{"column": "Unnamed: 0", "separator": ",", "into": ["unit", "geo"]}],
           "filters": [{"column": "Unnamed: 1", "equals": "Unnamed: 1"}, {"column": "unit", "equals": "EUR"}],
           "territory": "Unnamed: 2", "period": {"column": "Unnamed: 3", "as": "year"},
           "values": {"Unnamed: 26": "X", "TX_F": "Y"},
           "flag": {"column": "Unnamed: 4"}, "source": "Unnamed: 5", "note": {"column": "NOTE"}}
    new = upgrade_spec(old)
    assert new == {"version": 2, "header_row": 2,
                   "split": [{"column": "column A", "separator": ",", "into": ["unit", "geo"]}],
                   "filters": [{"column": "column B", "equals": "Unnamed: 1"}, {"column": "unit", "equals": "EUR"}],
                   "territory": "column C", "period": {"column": "column D", "as": "year"},
                   "values": {"column AA": "X", "TX_F": "Y"},
                   "flag": {"column": "column E"}, "source": "Unnamed: 5", "note": {"column": "NOTE"}}
    assert old["values"] == {"Unnamed: 26": "X", "TX_F": "Y"}   # the caller's spec is left as it was
    years = upgrade_spec({"version": 1, "territory": "geo",
                          "years_in_columns": {"indicator": "X", "columns": ["Unnamed: 7", "2020"]}})
    assert years["years_in_columns"]["columns"] == ["column H", "2020"]
    # validate_spec upgrades too (a JSON file saved from the command line); version 2 is left as written.
    assert validate_spec({"version": 1, "territory": "Unnamed: 2", "period": "2020",
                          "values": {"Unnamed: 3": "X"}})["values"] == {"column D": "X"}
    current = {"version": 2, "territory": "Unnamed: 2", "period": "2020", "values": {"Unnamed: 3": "X"}}
    assert upgrade_spec(current) is current and validate_spec(current)["values"] == {"Unnamed: 3": "X"}
    with pytest.raises(Exception, match="version 3 is not supported"):
        validate_spec({**current, "version": 3})


def test_the_mapping_step_shows_a_saved_version_1_mapping_with_column_letters(demo_url):
    """The Data page: a mapping saved by the earlier version, chosen for a new file, shows `column D` in
    its JSON and its preview, and imports the file (its `12,5 %` read for an indicator in %)."""
    from .test_data_page import HASH, all_text, data_page, sign_in, upload

    old = {"version": 1, "territory": {"column": "CODGEO"}, "period": {"value": "2026"},
           "values": {"Unnamed: 3": "MOB03"}}
    save_mapping(open_store(demo_url), "insee-velo", old, "alice")
    at = sign_in(data_page({"editors": {"password_hash": HASH}}, lang="en"))
    raw = "CODGEO;LIBGEO;P_MUN;\n59350;Lille;3;12,5 %\n59512;Roubaix;4;9,5 %\n".encode("cp1252")
    upload(at, ("velo.csv", raw))
    at.selectbox(key="map_choice_velo.csv").set_value("insee-velo").run()
    assert not at.exception, at.exception
    (shown,) = [a.value for a in at.text_area if a.label == "JSON"]
    assert json.loads(shown)["values"] == {"column D": "MOB03"} and "Unnamed" not in shown
    (preview,) = [d.value for d in at.dataframe if "Flag" in d.value.columns]   # the preview, in the page's words
    assert list(preview["Column"]) == ["column D", "column D"]
    assert "Unnamed" not in all_text(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Added"] == "2", (metrics, all_text(at))
    at.button(key="confirm_import").click().run()
    obs = read_table(open_store(demo_url), "observations")
    got = obs[(obs.indicator_id == "MOB03") & (obs.period == "2026")].set_index("territory_id")["value"]
    assert got.to_dict() == {"59350": 12.5, "59512": 9.5}


# ---------------------------------------------------------------- 2. numbers written with their unit

# An INSEE-like commune file: `;`, decimal comma, a share in %, a budget per inhabitant in euros, a count.
INSEE_LIKE = ("CODGEO;LIBGEO;TX_F;DEP_HAB;P21_POP\n"
              "59350;Lille;51,6 %;1 234,5 €;232 787\n"
              "59512;Roubaix;52,10%;€ 987;98 089\n"
              "59599;Tourcoing;51,9\u00a0%;1 010 €;99 011\n")
INSEE_LIKE_SPEC = {"territory": {"column": "CODGEO", "keep": "known", "country": "FR"}, "period": "2021",
                   "values": {"TX_F": "DEM_TXF", "DEP_HAB": "GDP_HAB", "P21_POP": "POP_FR"}}


def test_an_insee_like_file_with_unit_signs_imports_through_a_mapping(tmp_path, sqlite_url, framework):
    engine = _store(sqlite_url, framework)
    path = write(tmp_path, "insee_like.csv", INSEE_LIKE, "cp1252")
    mapped = apply_mapping(path, INSEE_LIKE_SPEC, known=known_for_mapping(engine))
    assert _errors(mapped) == [], [p.as_dict() for p in mapped.problems]
    outcome = import_files(engine, [mapped], user="test")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    obs = _observations(engine)
    assert [obs[(i, "59350", "2021")][0] for i in ("DEM_TXF", "GDP_HAB", "POP_FR")] == [51.6, 1234.5, 232787]
    assert obs[("DEM_TXF", "59512", "2021")][0] == 52.1 and obs[("GDP_HAB", "59512", "2021")][0] == 987
    assert obs[("DEM_TXF", "59599", "2021")][0] == 51.9 and len(obs) == 9


def test_a_sign_that_is_not_the_indicators_unit_is_refused_at_its_column_naming_both(tmp_path, sqlite_url,
                                                                                       framework):
    engine = _store(sqlite_url, framework)
    text = INSEE_LIKE.replace("52,10%", "52,10 €").replace("98 089", "98 089 %")
    mapped = apply_mapping(write(tmp_path, "insee_like.csv", text, "cp1252"), INSEE_LIKE_SPEC,
                           known=known_for_mapping(engine))
    problems = _errors(mapped)
    assert [(p.row, p.column, p.value, p.code) for p in problems] == [
        (3, "TX_F", "52,10 €", "unit_mismatch"), (3, "P21_POP", "98 089 %", "unit_mismatch")]
    for problem, sign, unit in ((problems[0], "€", {"en": "%", "fr": "%", "nl": "%"}),
                                (problems[1], "%", {"en": "persons", "fr": "personnes", "nl": "personen"})):
        for lang in LANGS:
            said = problem.as_dict(lang)
            assert sign in said["message"] and unit[lang] in said["message"], said
            assert problem.params["indicator"] in said["message"] and unit[lang] in said["suggestion"], said
    # Refused once (never judged again as a percentage over 100), and nothing is written.
    assert not [p for p in mapped.problems if p.code in ("percent_over_100", "not_a_number")]
    before = _observations(engine)
    assert not import_files(engine, [mapped], user="test").ok and _observations(engine) == before


def test_without_the_stores_units_the_sign_is_judged_at_import(tmp_path, sqlite_url, framework):
    """A mapping applied without `known` leaves the signed cells as written; the import judges them."""
    engine = _store(sqlite_url, framework)
    path = write(tmp_path, "insee_like.csv", INSEE_LIKE, "cp1252")
    spec = {**INSEE_LIKE_SPEC, "territory": {"column": "CODGEO"}}
    assert _errors(apply_mapping(path, spec)) == []
    outcome = import_files(engine, [apply_mapping(path, spec)], user="test")
    assert outcome.ok and _observations(engine)[("GDP_HAB", "59512", "2021")][0] == 987
    wrong = apply_mapping(write(tmp_path, "wrong.csv", INSEE_LIKE.replace("1 010 €", "1 010 %"), "cp1252"), spec)
    assert _errors(wrong) == []
    outcome = import_files(engine, [wrong], user="test")
    assert [(p.row, p.value, p.code) for p in _errors(outcome.checked)] == [(4, "1 010 %", "unit_mismatch")]


def test_a_statbel_like_file_through_its_mapping_reads_signs_as_the_plain_import(tmp_path):
    """The real Statbel file's layout (BOM, `,`, Dutch headers, aggregate rows) with a share written with %."""
    lines = STATBEL.read_text(encoding="utf-8-sig").splitlines()[:12]
    header, rows = lines[0], lines[1:]
    assert header == "NIS code,Woonplaats,Mannen,Vrouwen,Totaal"
    shares = [f"{int(r.split(',')[3]) * 100 / int(r.split(',')[4]):.1f} %" for r in rows]
    shares[-1] = shares[-1].replace("%", "€")
    text = "\ufeff" + "\n".join([header + ",Aandeel vrouwen"] + [f"{r},{s}" for r, s in zip(rows, shares)]) + "\n"
    path = write(tmp_path, "statbel_like.csv", text)
    known = Known(indicators={"DEM_TXF": "%"},
                  territories={r.split(",")[0]: None for r in rows})
    spec = {"territory": {"column": "NIS code", "pattern": r"\d{5}", "exclude": r"\d{2}000|2000[12]"},
            "period": "2020", "values": {"Aandeel vrouwen": "DEM_TXF"}}
    mapped = apply_mapping(path, spec, known=known)
    municipalities = [r for r in rows if not r.split(",")[0].endswith("000")]
    assert [(p.row, p.column, p.value, p.code) for p in _errors(mapped)] == [
        (12, "Aandeel vrouwen", shares[-1], "unit_mismatch")]
    assert mapped.summary["observations"] == len(municipalities) - 1
    checked = check([mapped.result], known)   # the mapped file's problem, once; the other cells read
    assert [(p.row, p.column, p.code) for p in _errors(checked)] == [(12, "Aandeel vrouwen", "unit_mismatch")]
    values = checked.tables["observations"]["value"].to_numpy()
    assert np.allclose(values, [float(s.split()[0]) for r, s in zip(rows, shares)
                                if r in municipalities[:-1]])


CELLS = ["12 %", "12,5 %", "12,50%", "7,5 % p", "1 234 €", "€ 12", "12 EUR", "12 km", "3", "12 €", "1.234,5 €",
         "12,5 kg", "(12)"]
UNITS = {"PCT": "%", "EUR": "EUR", "EURH": "EUR/inhabitant", "PERS": "persons", "KM": "km", "FREE": ""}


def _said(checked, where) -> dict:
    """{period: (the errors said at that cell, (value, flag) stored or None)} of a checked table;
    `where(problem)` is the period of the cell a problem is at."""
    table = checked.tables["observations"]
    out = {}
    for period in sorted({str(2000 + k) for k in range(len(CELLS))}):
        at = table[(table["period"] == period) & table["value"].notna()]
        out[period] = (sorted((p.code, p.message("en")) for p in checked.problems
                              if p.severity == "error" and where(p) == period),
                       None if at.empty else (float(at["value"].iloc[0]),
                                              at["flag"].iloc[0] if isinstance(at["flag"].iloc[0], str) else None))
    return out


def test_every_cell_reads_through_a_mapping_as_it_reads_in_an_observations_file():
    """The same cells for indicators of each unit: the same value and flag, or the same problem, both ways."""
    known = Known(indicators=UNITS, territories={"59350": None})
    periods = [str(2000 + k) for k in range(len(CELLS))]
    for indicator in UNITS:
        plain_text = "indicator_id;territory_id;period;value\n" + "".join(
            f"{indicator};59350;{period};{cell}\n" for period, cell in zip(periods, CELLS))
        plain = _said(check([read_file(plain_text.encode(), "plain.csv")], known), lambda p: periods[p.row - 2])
        # One column per year (Eurostat's layout): each cell is its own year, at its own column.
        wide = f"CODGEO;{';'.join(periods)}\n59350;{';'.join(CELLS)}\n"
        mapped = apply_mapping(("wide.csv", wide.encode()),
                               {"territory": "CODGEO", "years_in_columns": {"indicator": indicator}}, known=known)
        through = _said(check([mapped.result], known), lambda p: p.column)   # the mapping's problems included
        for period, cell in zip(periods, CELLS):
            assert through[period] == plain[period], (indicator, cell, through[period], plain[period])
        assert any(problems for problems, _ in plain.values()) and any(v for _, v in plain.values())
