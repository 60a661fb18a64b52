"""The documentation says what the code does (Datasette-style docs tests)."""
from __future__ import annotations

import re
import subprocess
import sys

from indicators.schema import TABLES
from indicators.templates import column_reference, notes, template

from .conftest import ROOT


def test_data_format_page_holds_the_generated_column_reference():
    page = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    assert column_reference() in page, "regenerate the column tables: indicators.templates.column_reference()"
    for table in TABLES.values():
        for col in table.columns:
            assert f"`{col.name}`" in page
            for alias in col.aliases:
                assert f"`{alias}`" in page


def test_readme_documents_every_cli_command_and_the_two_quick_start_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("init", "validate", "import", "history", "rollback", "export", "progress"):
        assert f"python -m indicators {command}" in readme, command
    quick = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^\s*(make \w+)\s*$", quick, re.M)
    assert commands == ["make run", "make test"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci


def test_cli_help_lists_the_documented_commands():
    out = subprocess.run([sys.executable, "-m", "indicators", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0
    for command in ("init", "validate", "import", "history", "rollback", "export", "progress"):
        assert command in out.stdout


def test_templates_have_every_column_and_an_example_that_validates():
    from indicators.reading import read_file
    from indicators.validation import check

    for name, table in TABLES.items():
        frame = template(name)
        assert list(frame.columns) == table.names
        assert len(notes(name, "nl")) == len(table.columns) + 1
    # The example row is the template's, never imported (templates.leave_out_examples); its values are valid:
    # written over it by a planner (another code, the example's text cleared), they validate.
    frame = template("levels")
    frame.loc[0, ["level_id", "name_en"]] = ["border2", ""]
    assert check([read_file(frame.to_csv(index=False).encode(), "levels.csv")]).ok


def test_deployment_page_states_every_input_limit_and_its_default():
    from indicators import limits

    page = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    for name, default in limits.DEFAULTS.items():
        assert f"| `MONITOR_{name}` | {default} |" in page, name


def test_the_mapped_layout_message_points_each_language_to_a_heading_of_data_format():
    """The fr and nl messages sent readers to the English section title « Foreign layouts »: each names the
    section in its language, and that name is in the section's heading."""
    import re
    from pathlib import Path

    from indicators.problem_messages import SUGGESTIONS as MESSAGES   # the advice beside a problem

    headings = [line for line in (Path(__file__).parent.parent / "docs" / "data-format.md").read_text(
        encoding="utf-8").splitlines() if line.startswith("## ")]
    for lang in ("fr", "nl", "en"):
        text = MESSAGES["mapped_layout"][lang]
        named = re.search(r"data-format\.md, [«']\s?([^»']+?)\s?[»']", text).group(1)
        assert any(named in h for h in headings), (lang, named)
    assert "Foreign layouts" not in MESSAGES["mapped_layout"]["fr"] + MESSAGES["mapped_layout"]["nl"]
