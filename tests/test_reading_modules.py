"""The file reader split along its concerns: each thing happens in the module its name says, each module
small, none importing another in a cycle, every one named in docs/architecture.md."""
from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from .conftest import ROOT

# Where each concern's functions live (docs/architecture.md says the same in words).
HOMES = {
    "indicators.reading": ("Sheet", "ReadResult", "read_file", "read_csv_bytes", "read_plain_table", "gunzip",
                           "limit_problem"),
    "indicators.reading_header": ("SEPARATORS", "sniff", "header_strength", "known_headers", "unnamed",
                                  "column_letter", "unique_header", "header_repeats", "repeated_problems",
                                  "drop_blank"),
    "indicators.reading_rows": ("check_lines", "line_at", "has_blank_line", "read_careful", "wide_records",
                                "longer_problems", "LONGER", "Wide"),
    "indicators.reading_decimal": ("number_columns", "detect_decimal"),
}
READING_MODULES = sorted((ROOT / "indicators").glob("reading*.py"))


def _defined(path) -> set[str]:
    """The names a module's source defines at its top level (not those it imports)."""
    names = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


@pytest.mark.parametrize("module", sorted(HOMES))
def test_each_name_is_defined_in_the_module_of_its_concern_and_nowhere_else(module):
    mine = set(HOMES[module])
    here = ROOT / (module.replace(".", "/") + ".py")
    assert mine <= _defined(here), mine - _defined(here)
    for other in READING_MODULES:
        if other != here:
            assert not mine & _defined(other), (other.name, mine & _defined(other))


def test_names_used_across_modules_lost_their_underscore():
    everywhere = set().union(*(_defined(p) for p in READING_MODULES))
    for private in ("_drop_blank", "_known_headers", "_has_blank_line", "_line", "_read_careful",
                    "_wide_records", "_longer_problems", "_LONGER"):
        assert private not in everywhere, private


@pytest.mark.parametrize("path", READING_MODULES, ids=lambda p: p.name)
def test_every_reading_module_is_small_and_named_in_the_architecture_page(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) < 600   # the project's rule: past ~600 lines, split
    assert f"`indicators/{path.name}`" in (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("module", sorted(HOMES) + ["indicators.reading_text", "indicators.reading_xlsx"])
def test_each_module_imports_first_without_a_cycle(module):
    # In a fresh interpreter, so that no other module of the package is loaded before it.
    out = subprocess.run([sys.executable, "-c", f"import {module}"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
