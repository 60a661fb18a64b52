"""The chart builders and the XLSX reader split along their concerns: each thing happens in the module its
name says (the charts in the `indicators/charts/` package: `look`, `indicator`, `panels`, `territories`; the
workbook in `reading_xlsx`, its cells in `reading_xlsx_cells`, its XML parts in `reading_xlsx_parts`, files of
other formats in `reading_other_formats`), each module small, each importing first without a cycle, and the
names the pages, the report and the tests use as `charts.<name>` still there."""
from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from .conftest import ROOT

HOMES = {
    "indicators/charts/look.py": ("SEPARATORS", "FONT_SIZE", "SMALL_FONT", "FLAG_SYMBOL", "BREAK_COLOR",
                                  "period_x", "side_shades", "base_layout", "value_axis_title", "legend_rows"),
    "indicators/charts/indicator.py": ("indicator_chart", "target_path_points", "path_start", "GROUPED_TARGETS"),
    "indicators/charts/panels.py": ("align_axes", "panel_grid", "side_by_side", "PANELS_PER_ROW"),
    "indicators/charts/territories.py": ("chart_territories",),
    "indicators/reading_xlsx.py": ("read_xlsx",),
    "indicators/reading_xlsx_cells.py": ("row_values", "kept_cell", "kept_text", "is_blank", "typed_numbers"),
    "indicators/reading_xlsx_parts.py": ("scan_worksheets", "raw_strings", "has_doctype"),
    "indicators/reading_other_formats.py": ("other_format", "OLE2_SIGNATURE"),
}
MODULES = sorted(HOMES)


def _defined(path) -> set[str]:
    """The names a module's source defines at its top level (not those it imports)."""
    names = set()
    for node in ast.parse((ROOT / path).read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


@pytest.mark.parametrize("path", MODULES)
def test_each_name_is_defined_in_the_module_of_its_concern_and_nowhere_else(path):
    mine = set(HOMES[path])
    assert mine <= _defined(path), mine - _defined(path)
    for other in MODULES:
        if other != path:
            assert not mine & _defined(other), (other, mine & _defined(other))


@pytest.mark.parametrize("path", MODULES + ["indicators/charts/__init__.py"])
def test_each_module_is_small(path):
    assert len((ROOT / path).read_text(encoding="utf-8").splitlines()) < 600   # past ~600 lines, split


def test_the_charts_package_is_all_there_is_of_the_charts():
    assert not (ROOT / "indicators" / "charts.py").exists()
    assert (ROOT / "indicators" / "charts" / "__init__.py").exists()


@pytest.mark.parametrize("module", [p.removesuffix(".py").replace("/", ".") for p in MODULES])
def test_each_module_imports_first_without_a_cycle(module):
    # In a fresh interpreter, so that no other module of the package is loaded before it.
    out = subprocess.run([sys.executable, "-c", f"import {module}"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_the_names_used_as_charts_attributes_are_still_there():
    from indicators import charts
    from indicators.charts import indicator, look, panels, territories

    used = {"indicator_chart": indicator, "target_path_points": indicator, "path_start": indicator,
            "side_by_side": panels, "align_axes": panels, "panel_grid": panels, "chart_territories": territories,
            "legend_rows": look, "period_x": look, "base_layout": look, "value_axis_title": look,
            "FLAG_SYMBOL": look, "OTHER_SYMBOL": look, "OTHER_SIDE_COLOR": look, "NEUTRAL_MARK": look,
            "COUNTRY_SYMBOLS": look, "SMALL_FONT": look}
    for name, home in used.items():
        assert getattr(charts, name) is getattr(home, name), name
    from indicators.countries import side_looks
    from indicators.style import PROJECTION_COLOR

    assert charts.side_looks is side_looks and charts.PROJECTION_COLOR == PROJECTION_COLOR


def test_each_test_writes_to_its_own_copy_of_the_demo(demo, demo_store_file, tmp_path):
    """conftest's `demo`: the engine of a copy of the session's demo store in this test's folder; what the
    test writes there is not in the session's file that every other test copies."""
    import sqlite3
    from pathlib import Path

    from indicators.importing import import_files

    assert Path(demo.url.database).parent == tmp_path and Path(demo.url.database) != demo_store_file

    def count(path) -> int:
        with sqlite3.connect(path) as conn:
            return conn.execute("SELECT count(*) FROM observations WHERE period = '2041'").fetchone()[0]

    raw = b"indicator_id;territory_id;period;value\nMOB04;59350;2041;12,5\n"
    assert import_files(demo, [("one.csv", raw)], user="test").ok
    assert count(demo.url.database) == 1 and count(demo_store_file) == 0
