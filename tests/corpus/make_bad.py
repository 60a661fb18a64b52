"""Writes the corpus of bad files (run once; the files are committed beside it).

Each file carries one kind of problem; `EXPECTED` in tests/test_bad_files.py
says what report each must give.
"""
from pathlib import Path

HERE = Path(__file__).parent / "bad"
OBS = "indicator_id,territory_id,period,value\n"

FILES = {
    "empty.csv": b"",
    "blank_lines_only.csv": b"\n\r\n  \n",
    "binary.csv": bytes(range(256)) * 8,
    "empty.xlsx": b"",
    "corrupt.xlsx": b"PK\x03\x04 this is not really a zip archive" + bytes(64),
    "header_only.csv": OBS.encode(),
    "missing_value_column.csv": b"indicator_id,territory_id,period\nMOB01,59350,2020\n",
    "unknown_columns.csv": b"foo;bar;baz\n1;2;3\n",
    "territories_given_as_observations.csv":
        "territory_id,name_fr,country\n59599,Tourcoing,FR\n".encode(),
    "unknown_indicator.csv": (OBS + "MOB01,59350,2020,3.1\nMOB1,59350,2021,3.4\n").encode(),
    "unknown_territory.csv": (OBS + "MOB01,5935,2020,3.1\n").encode(),
    "unknown_action.csv": b"indicator_id,action_id,name_fr,unit,direction\nMOB09,A1,Test,km,increase\n",
    "unknown_level.csv": b"action_id,level_id,theme_id,title_fr\nA09,borders,mobility,Test\n",
    "unknown_theme.csv": b"action_id,level_id,theme_id,title_fr\nA09,border,mobilty,Test\n",
    "duplicate_key.csv": (OBS + "MOB01,59350,2020,3.1\nMOB01,59512,2020,2.0\nMOB01,59350,2020,3.1\n").encode(),
    "conflicting_values.csv": (OBS + "MOB01,59350,2020,3.1\nMOB01,59350,2020,3.7\n").encode(),
    "bad_period.csv": (OBS + "MOB01,59350,2020-13,3.1\nMOB01,59350,2020-Q5,3.1\nMOB01,59350,vingt,3.1\n").encode(),
    "non_numeric.csv": "indicateur;territoire;période;valeur\nMOB02;59350;2020;beaucoup\nMOB02;59350;2021;12..5\n"
        .encode("cp1252"),
    "percent_over_100.csv": "indicator_id;territory_id;period;value\nMOB01;59350;2020;112,5\n".encode("cp1252"),
    "percent_negative.csv": (OBS + "MOB01,59350,2020,-3\n").encode(),
    "too_large.csv": (OBS + "MOB02,59350,2020,1e400\nMOB02,59350,2021," + "9" * 400 + "\n").encode(),
    "bad_flag.csv": (OBS + "MOB02,59350,2020,43300 x\n").encode(),
    "bad_direction.csv": b"indicator_id,action_id,name_fr,unit,direction\nMOB09,A01,Test,km,up\n",
    "missing_required_cell.csv": (OBS + ",59350,2020,3.1\n").encode(),
    "target_before_baseline.csv":
        b"indicator_id,territory_id,baseline_period,baseline_value,target_period,target_value\n"
        b"MOB01,59350,2030,2.0,2018,8\n",
    "flow_same_place.csv": b"indicator_id,origin_id,destination_id,period,value\nMOB02,59350,59350,2020,100\n",
    "too_many_fields.csv": (OBS + "MOB02,59350,2020,100\nMOB02,59350,2021,100,extra,cells\n").encode(),
    "bad_country.csv": "territory_id,name_fr,country\n59599,Tourcoing,France\n".encode(),
    "latitude_out_of_range.csv": b"territory_id,name_fr,country,lat,lon\n59599,Tourcoing,FR,150.7,3.16\n",
    "decimals_not_integer.csv": b"indicator_id;action_id;name_fr;unit;direction;decimals\nMOB09;A01;Test;km;increase;1,5\n",
    "unknown_parent.csv": b"territory_id,name_fr,country,parent_id\n59599,Tourcoing,FR,200093200\n",
}


def _bad_xlsx() -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "observations"
    ws.append(["indicator_id", "territory_id", "period", "value"])
    ws.append(["MOB01", "59350", 2020, 3.1])
    ws.append(["MOB01", "99999", 2021, "n/a?"])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


if __name__ == "__main__":
    HERE.mkdir(exist_ok=True)
    for name, data in {**FILES, "bad_values.xlsx": _bad_xlsx()}.items():
        (HERE / name).write_bytes(data)
    print(f"{len(FILES) + 1} files written to {HERE}")
