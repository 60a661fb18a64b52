"""The `progress` command: every action's and indicator's status, as an aligned table in the user's
language or as the JSON DESIGN.md fixes."""
from __future__ import annotations

import json

OK = 0


def progress_command(engine, args) -> int:
    """`progress`: the status of every action and headline indicator, as a table or as JSON (DESIGN)."""
    from .queries import progress_report

    report = progress_report(engine, method=args.method, milestones=args.format != "json")
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return OK
    from .i18n import TEXTS, number, status_label, t

    lang = args.lang
    col = {k: t(f"cli_col_{k}", lang) for k in ("status", "score", "latest", "milestone", "reason")}

    def score(value) -> str:
        return "" if value is None else number(value, lang, 2)

    def reason(entry) -> str:   # the words the pages use (reason_…), the code for one they do not know
        code = entry["reason"]
        if code == "break_in_series" and entry["status"] != "not_assessed":   # judged from the break (its base)
            return t("reason_assessed_since_break", lang, period=entry["base_period"])
        return "" if not code else t(f"reason_{code}", lang) if f"reason_{code}" in TEXTS else str(code)

    def milestone(entry) -> str:   # the milestone's status, named as the milestone's (its period)
        if entry.get("milestone_status") is None:
            return ""
        status = entry["milestone_status"]   # "milestone reached", never "target achieved" (as the pages)
        said = t("milestone_reached", lang) if status == "achieved" else status_label(status, lang, method)
        return t("cli_milestone_cell", lang, period=entry["milestone_period"], status=said)

    method = report["method"]   # a series without target, with the Eurostat method: Eurostat's words, as the pages
    print(t("cli_method", lang, method=method))
    _print_aligned([t("action", lang).lower(), col["status"], col["score"], t("indicators", lang).lower()],
                   [[a["action_id"], status_label(a["status"], lang, method), score(a["score"]), ", ".join(a["indicators"])]
                    for a in report["actions"]], right=(2,))
    print()
    _print_aligned([t("indicator", lang).lower(), t("territory", lang).lower(), col["status"], col["score"],
                    col["latest"], col["milestone"], col["reason"]],
                   [[i["indicator_id"], i["territory_id"],
                     status_label(i["status"], lang, method, i["target_value"] is not None), score(i["score"]),
                     _latest(i["latest_value"], lang), milestone(i), reason(i)]
                    for i in report["indicators"] if i["headline"]], right=(3, 4))
    return OK


def _latest(value, lang: str) -> str:
    """A latest value in the language's format with the decimals it has, up to six significant digits
    as `g` wrote it: 2 129 108 (fr), 9,6, 0,00123; an exponent only beyond what a table can hold (`number`
    from 1e15 on; below 1e-6, 3,0E-300, never 300 zeros)."""
    import math
    from decimal import Decimal

    from .i18n import number, scientific

    if value is None or not math.isfinite(value):
        return "" if value is None else number(value, lang)
    exact = Decimal(repr(float(value))).normalize()
    if not exact.is_zero() and exact.adjusted() < -6:
        return scientific(exact, lang)
    return number(value, lang, min(max(0, -exact.as_tuple().exponent), max(0, 5 - exact.adjusted())))


def _print_aligned(header: list[str], rows: list[list[str]], right: tuple[int, ...] = ()) -> None:
    """A table whose columns are as wide as their widest cell, the header's included (a French header
    is longer than a code); numbers (`right`) aligned on their right, the last column not padded."""
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows)]

    def line(cells) -> str:
        padded = [cell.rjust(w) if k in right else cell.ljust(w) for k, (cell, w) in enumerate(zip(cells, widths))]
        return "  ".join(padded).rstrip()

    print(line(header))
    for row in rows:
        print(line(row))
