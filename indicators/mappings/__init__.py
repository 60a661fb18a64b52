"""Foreign layouts: reshaping INSEE, Statbel, CNAF or Eurostat files into observations.

Most files planners receive are not in the import format: one column per variable
(INSEE, Statbel, CNAF), years as columns (Eurostat), a combined key column
(`unit,geo\\time`), aggregate rows mixed with municipalities. A *mapping* is a
plain JSON document (saved in the store by name, see `store.save_mapping`) that
says which column holds the territory code, which the period (or a fixed
period) and which columns hold which indicator's values. `apply_mapping` reads
the file with the ordinary reader and returns a `MappedSource` that
`importing.import_files` and `importing.validate_files` accept like a file:
the same checks, one batch, the original file name and SHA-256.

Where problems point. Every observation keeps the spreadsheet row it came
from. The value, period, flag and territory cells are checked here, where the
original column is still known, and a bad cell is reported at the file, row
and column *as written in the foreign file* (the cell is then left out of the
reshaped table, so the validator does not report it a second time under the
canonical column name). Its cells are read as a direct import reads them
(mappings/cells.py: Excel's `mars-24`, `236?710` in a Windows-1252 file, `12,5 %`, with the
same notices). Territory and indicator codes are checked here too
when the store's codes are given (`known=known_for_mapping(engine)`, always the
case from the command line and `apply_saved_mapping`); without them the validator reports unknown
codes under `territory_id` / `indicator_id` (or the original territory header
when it is one of the accepted aliases, such as `CODGEO`).

The format is documented in docs/data-format.md, "Foreign layouts (mappings)".
"""
from .spec import (
    INSEE_HEADERS, MappedSource, MappingError, NIS_HEADERS, PERIOD_HEADERS, PERIOD_KINDS,
    SPEC_KEYS, SPEC_VERSION, TERRITORY_HEADERS, TERRITORY_KEYS, validate_spec)
from .apply import (
    apply_mapping, known_for_mapping)
from .saved import (
    apply_saved_mapping, filter_choices, load_mapping, mapping_names, save_mapping_spec, suggest_mapping,
    unknown_indicators, unknown_indicators_said)
