"""A framework file is checked against what it creates, not only against what it names (outside tester's
findings D6, D9 and D4 of session 28): a code equal to a stored one but for case is refused, naming the
stored code, as are two rows of the files whose codes differ only by case; an action that ends before it
starts is refused at its row; each part of `owner`/`lead` that is no partner code gets a notice with the
nearest code, and a comma where `|` is meant is said."""
from __future__ import annotations


import pytest

from indicators.importing import import_files, validate_files

from .helpers import write

LANGS = ("fr", "nl", "en")


def errors(checked):
    return [p for p in checked.problems if p.severity == "error"]


@pytest.mark.parametrize("name, text, column, written, stored", [
    ("t.csv", "territory_id,name_fr,country,kind,parent_id\nfre11,Nord,FR,nuts3,FRE\n", "territory_id", "fre11", "FRE11"),
    ("t.csv", "territory_id,name_fr,country\nFRE11X,Nord,FR\n", None, None, None),   # not a case twin: passes
    ("i.csv", "indicator_id,action_id,name_fr,unit,direction\nmob04,A01,Dup,km,increase\n", "indicator_id", "mob04", "MOB04"),
    ("a.csv", "action_id,level_id,theme_id,title_fr\na01,border,mobility,Dup\n", "action_id", "a01", "A01"),
    ("p.csv", "partner_id,name_fr,country\nmel,Métropole,FR\n", "partner_id", "mel", "MEL"),
    ("l.csv", "level_id,name_fr\nBorder,Frontière\n", "level_id", "Border", "border"),
    ("th.csv", "theme_id,name_fr\nMOBILITY,Mobilité\n", "theme_id", "MOBILITY", "mobility"),
])
def test_a_code_that_differs_from_a_stored_one_only_by_case_is_refused(demo, tmp_path, name, text, column, written,
                                                                       stored):
    checked = validate_files(demo, [write(tmp_path, name, text)])
    found = [p for p in errors(checked) if p.code == "code_case_stored"]
    if stored is None:
        assert not found
        return
    assert [(p.file, p.row, p.column, p.value) for p in found] == [(name, 2, column, written)]
    for lang in LANGS:
        message = found[0].message(lang)
        assert written in message and stored in message, (lang, message)
        assert stored in found[0].suggestion_text(lang)


def test_two_rows_whose_codes_differ_only_by_case_are_refused(demo, tmp_path):
    text = "indicator_id,action_id,name_fr,unit,direction\nZQ04,A01,a,km,increase\nzq04,A01,b,km,increase\n"
    checked = validate_files(demo, [write(tmp_path, "i.csv", text)])
    found = errors(checked)
    assert [(p.row, p.column, p.value, p.code) for p in found] == [(3, "indicator_id", "zq04", "code_case_twice")]
    for lang in LANGS:
        message = found[0].message(lang)
        assert all(w in message for w in ("zq04", "ZQ04", "2")), (lang, message)
    assert not import_files(demo, [write(tmp_path, "i.csv", text)], user="test").ok


def test_an_update_of_a_stored_code_written_as_stored_passes(demo, tmp_path):
    text = "indicator_id,action_id,name_fr,unit,direction\nMOB04,A01,Pistes,km,increase\n"
    assert validate_files(demo, [write(tmp_path, "i.csv", text)]).ok


def test_an_action_ending_before_it_starts_is_refused(demo, tmp_path):
    text = ("action_id,level_id,theme_id,title_fr,status,start_year,end_year\n"
            "A92,border,mobility,Dates inversées,ongoing,2030,2020\n"
            "A93,border,mobility,Même année,ongoing,2024,2024\n")
    checked = validate_files(demo, [write(tmp_path, "a.csv", text)])
    found = errors(checked)
    assert [(p.file, p.row, p.column, p.value, p.code) for p in found] == [
        ("a.csv", 2, "end_year", "2020", "action_years_order")]
    for lang in LANGS:
        message = found[0].message(lang)
        assert all(w in message for w in ("2020", "2030", "start_year")), (lang, message)


def test_the_years_are_named_as_the_file_writes_their_columns(demo, tmp_path):
    text = "action_id;niveau;thème;titre_fr;année_début;année_fin\nA92;border;mobility;x;2030;2020\n"
    found = errors(validate_files(demo, [write(tmp_path, "a.csv", text)]))
    assert [(p.column, p.code) for p in found] == [("année_fin", "action_years_order")]
    assert "année_début" in found[0].message("fr")


@pytest.mark.parametrize("column, row, cell, parts", [
    ("owner", "MOB03,A01,Frontaliers,persons,increase,{}", "mel", [("unknown_partner", "mel", "MEL")]),
    ("owner", "MOB03,A01,Frontaliers,persons,increase,{}", "MEL|NOPE", [("unknown_partner", "NOPE", None)]),
    ("owner", "MOB03,A01,Frontaliers,persons,increase,{}", "MEL, ADULM", [("partner_separator", "MEL, ADULM", "MEL|ADULM")]),
    ("lead", "A02,border,mobility,Titre,{}", "mel", [("unknown_partner", "mel", "MEL")]),
    ("owner", "MOB03,A01,Frontaliers,persons,increase,{}", "MEL|ADULM", []),
])
def test_each_owner_or_lead_part_that_is_no_partner_gets_a_notice(demo, tmp_path, column, row, cell, parts):
    header = ("indicator_id,action_id,name_fr,unit,direction,owner" if column == "owner"
              else "action_id,level_id,theme_id,title_fr,lead")
    text = f'{header}\n{row.format(chr(34) + cell + chr(34))}\n'
    checked = validate_files(demo, [write(tmp_path, "f.csv", text)])
    assert checked.ok, [p.as_dict() for p in errors(checked)]     # a notice: older free text is allowed
    notices = [p for p in checked.problems if p.code in ("unknown_partner", "partner_separator")]
    assert [(p.code, p.row, p.column, p.value) for p in notices] == [(code, 2, column, cell) for code, _, _ in parts]
    for p, (_, part, hint) in zip(notices, parts):
        for lang in LANGS:
            assert part in p.message(lang), (lang, p.message(lang))
            if hint:
                assert hint in p.suggestion_text(lang), (lang, p.suggestion_text(lang))


def test_a_partner_of_the_same_file_is_known(demo, tmp_path):
    partners = write(tmp_path, "p.csv", "partner_id,name_fr,country\nNEWP,Nouveau,FR\n")
    owner = write(tmp_path, "i.csv", "indicator_id,action_id,name_fr,unit,direction,owner\n"
                                     "MOB03,A01,Frontaliers,persons,increase,NEWP\n")
    checked = validate_files(demo, [partners, owner])
    assert not [p for p in checked.problems if p.code == "unknown_partner"]
