"""Every mapping docs/data-format.md shows works as written (finding N30 6).

Each JSON example of the page is saved as the command line saves it (`save-mapping`) in a copy of the demo
store with the indicators it names added, then run (`import --mapping … --dry-run`) on its real file in
../shared/fixtures/csv: the one file that has every column the mapping reads. The demo framework is not all
of Belgium nor all of France: an example that forgot `"keep": "known"` fails here with hundreds of unknown
territories (the Statbel example did, 558 problems).
"""
from __future__ import annotations

import json
import re

import pytest

from indicators.importing import import_files
from indicators.mappings import apply_saved_mapping, save_mapping_spec, validate_spec
from indicators.reading import read_file
from indicators.schema import normalise_header
from indicators.store import known_codes, open_store

from .conftest import FIXTURES, ROOT
from .helpers import write

PAGE = ROOT / "docs" / "data-format.md"
FILES = sorted((FIXTURES / "csv").iterdir())
EXAMPLES = [json.loads(block) for block in re.findall(r"```json\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)]

# The unit each indicator of the examples is counted in, for the store it is added to.
UNITS = {"DEM_TXF": "%", "GDP_HAB": "EUR/inhabitant"}


def columns_read(spec: dict) -> set[str]:
    """The file's own columns a mapping names (normalised): not the parts a split makes of them."""
    spec = validate_spec(spec)
    parts = {n for s in spec["split"] for n in s["into"]}
    named = [s["column"] for s in spec["split"]] + [f["column"] for f in spec["filters"]]
    named += [spec["territory"]["column"], *spec.get("values", {})]
    named += [spec[key]["column"] for key in ("period", "flag", "source", "note") if "column" in spec.get(key, {})]
    return {normalise_header(c) for c in named if c not in parts}


def fixture_of(spec: dict):
    """The real files that have every column the mapping reads."""
    wanted = columns_read(spec)
    return [path for path in FILES
            if wanted <= {normalise_header(c) for c in read_file(path).sheets[0].frame.columns}]


def test_the_page_has_its_examples_and_each_names_exactly_one_real_file():
    assert len(EXAMPLES) >= 5
    assert [len(fixture_of(spec)) for spec in EXAMPLES] == [1] * len(EXAMPLES)


@pytest.mark.parametrize("number", range(len(EXAMPLES)))
def test_a_documented_mapping_imports_its_file_on_the_demo_framework(number, demo_url, tmp_path):
    spec = EXAMPLES[number]
    (path,) = fixture_of(spec)
    engine = open_store(demo_url)
    checked = validate_spec(spec)
    named = [*checked.get("values", {}).values(), checked.get("years_in_columns", {}).get("indicator")]
    named = [code for code in dict.fromkeys(named) if code and code not in known_codes(engine).indicators]
    assert named, "each example names indicators of its own"
    rows = "".join(f"{code},A01,{code},{UNITS.get(code, 'persons')},increase\n" for code in named)
    added = import_files(engine, [write(tmp_path, "indicators.csv",
                                       "indicator_id,action_id,name_fr,unit,direction\n" + rows)], user="doc")
    assert added.ok, [p.as_dict() for p in added.checked.problems]
    save_mapping_spec(engine, "doc", spec, "doc")                        # save-mapping doc FILE.json
    outcome = import_files(engine, [apply_saved_mapping(engine, "doc", path)], user="doc",
                           dry_run=True)                                  # import FILE --mapping doc --dry-run
    errors = [p.as_dict() for p in outcome.checked.problems if p.severity == "error"]
    assert outcome.ok and errors == [], (path.name, errors[:5], len(errors))
    counts = outcome.result.summary()
    assert counts["added"] > 0 and counts["rejected"] == 0, (path.name, counts)
