"""The command line: `python -m indicators COMMAND`.

Exit status: 0 success; 1 invalid data (the report is printed, nothing
changed); 2 usage error (argparse's own status for bad arguments).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from . import limits
from .cli_files import missing_files, os_reason, shown_name
from .cli_store import db_url_problem, missing_sqlite_file, missing_sqlite_folder, opened, shown_url, url_option
from .problems import errors, name_shown, table_said

OK, INVALID, USAGE = 0, 1, 2


def _acting(parser: argparse.ArgumentParser, user_help: str, as_help: str) -> None:
    """Who acts on a command that writes: `--user NAME` (the server's operator, recording a name) or
    `--as EMAIL` (an account whose rights are checked), never both."""
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--user", default=None, metavar="NAME", help=user_help)
    who.add_argument("--as", dest="account", metavar="EMAIL", help=as_help)


def _parser() -> argparse.ArgumentParser:
    from .schema import TABLES

    def options(defaults: bool) -> argparse.ArgumentParser:
        # Given before or after the command alike. A subcommand's own default would overwrite what was
        # given before it (argparse sets every default of the subparser): `--db X import f` wrote to the
        # default store. So only the top parser has defaults; the subcommands' are SUPPRESS.
        given = argparse.ArgumentParser(add_help=False)
        given.add_argument("--db", metavar="URL", default=None if defaults else argparse.SUPPRESS,
                           help="database URL (default: $INDICATORS_DB_URL, else the SQLite file)")
        given.add_argument("--lang", choices=("fr", "en", "nl"), default="en" if defaults else argparse.SUPPRESS,
                           help="language of messages")
        return given

    common = options(defaults=False)
    parser = argparse.ArgumentParser(prog="python -m indicators", parents=[options(defaults=True)],
                                     description="Cross-Border Cooperation Monitor: data and progress engine.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("init", parents=[common], help="create the schema; with --demo load the demo data")
    p.add_argument("--demo", action="store_true", help="load the demo framework and data")

    p = sub.add_parser("validate", parents=[common], help="check files without writing")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--table", choices=tuple(TABLES), help="expect this table in every file")

    p = sub.add_parser("import", parents=[common], help="import files atomically (all or none)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    _acting(p, "who imports, recorded on the batch (the server's operator acts; not the e-mail of an account "
               "that may not import directly)", "import as this account, whose rights are checked (editor or admin)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--skip-invalid-rows", action="store_true",
                   help="import the good rows and list the rows left out")
    p.add_argument("--attach-to-successor", action="store_true",
                   help="record values of replaced territory codes under their successor")
    p.add_argument("--mapping", metavar="NAME", help="reshape with a saved mapping (foreign layouts)")

    p = sub.add_parser("history", parents=[common], help="the import batches, newest first")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="json: the batches with their codes and times (ISO, UTC), for scripts")

    p = sub.add_parser("rollback", parents=[common], help="undo one batch exactly")
    p.add_argument("batch_id", type=int, metavar="BATCH_ID")
    _acting(p, "who rolls back, recorded on the batch (the server's operator acts; not the e-mail of an account "
               "that may not roll back)", "act as this account, whose rights are checked (without it: the server's "
                                          "operator)")

    p = sub.add_parser("export", parents=[common], help="write the stored data as CSV or XLSX")
    p.add_argument("out", metavar="OUT")
    p.add_argument("--table", choices=tuple(TABLES))

    p = sub.add_parser("hash-password", parents=[common],
                       help="print the secrets.toml line for an editor password (read from standard input)")

    p = sub.add_parser("save-mapping", parents=[common],
                       help="save a mapping of a foreign layout (JSON file) under a name, for import --mapping")
    p.add_argument("name", metavar="NAME")
    p.add_argument("spec", metavar="FILE.json", help="the mapping as JSON (see docs/data-format.md)")
    _acting(p, "who saves it, recorded with the mapping (the server's operator acts; not the e-mail of an account "
               "that may not import)", "save as this account, whose rights are checked (editor or admin)")

    from .cli_region import add_parser as add_strategy_name   # the store's own name of its strategy

    add_strategy_name(sub, common)

    p = sub.add_parser("progress", parents=[common], help="the status of every indicator and action")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--method", choices=("opensdg", "eurostat"), default="opensdg")

    p = sub.add_parser("report", parents=[common],
                       help="write the progress report for the steering committee (PDF or HTML, by OUT's extension)")
    p.add_argument("out", metavar="OUT", help="report.pdf (A4, needs Chromium) or report.html (opens offline)")
    p.add_argument("--level", help="only this priority level (a level_id)")
    p.add_argument("--theme", help="only this theme (a theme_id)")
    p.add_argument("--action", help="only this strategic action (an action_id)")
    p.add_argument("--method", choices=("opensdg", "eurostat"), default="opensdg")
    p.add_argument("--map", metavar="INDICATOR", dest="map_indicator",
                   help="the indicator the report maps (default: the Map page's first view)")
    p.add_argument("--since", metavar="YYYY-MM-DD",
                   help="list the targets revised since this day (the last report's); default: a year before")

    # People and rights: whoever holds the server's command line manages accounts; submissions and
    # reviews act as a named account, whose rights the engine checks.
    p = sub.add_parser("account", parents=[common], help="manage accounts (add, list, remove)")
    acc = p.add_subparsers(dest="account_command", required=True, metavar="ACTION")
    a = acc.add_parser("add", parents=[common], help="create an account, or change one with --change")
    a.add_argument("email", metavar="EMAIL")
    a.add_argument("--change", action="store_true", help="change the existing account of EMAIL")
    a.add_argument("--role", required=True, choices=("viewer", "contributor", "editor", "admin"))
    a.add_argument("--partner", metavar="ID", help="the partner of a contributor (a partner_id)")
    a.add_argument("--name", help="the person's name, shown in the history")
    a.add_argument("--password-stdin", action="store_true",
                   help="read a local password from standard input (without it: single sign-on only)")
    a = acc.add_parser("list", parents=[common], help="the accounts")
    a.add_argument("--format", choices=("text", "json"), default="text", help="json: the codes, for scripts")
    a = acc.add_parser("remove", parents=[common], help="remove an account")
    a.add_argument("email", metavar="EMAIL")

    p = sub.add_parser("submit", parents=[common], help="submit a file for review, as a contributor")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--as", dest="account", required=True, metavar="EMAIL", help="the submitting account")
    p.add_argument("--replaces", type=int, metavar="ID", help="the returned submission this file corrects")

    p = sub.add_parser("review", parents=[common], help="list, approve or return submissions, as an editor")
    p.add_argument("action", choices=("list", "approve", "return"))
    p.add_argument("submission_id", type=int, nargs="?", metavar="ID")
    p.add_argument("--as", dest="account", required=True, metavar="EMAIL", help="the acting account")
    p.add_argument("--comment", default="", help="what to correct (return)")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="list --format json: the states' codes and times (ISO, UTC), for scripts")
    return parser


def _user(value: str | None) -> str:
    import getpass

    if value:
        return value
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def _print_problems(problems, lang: str) -> None:
    from .i18n import colon, count, t

    row, column = t("row", lang).lower(), t("column", lang).lower()

    def at(p) -> str:   # ", column note", or ", colonne E" for a column without a header (its letter)
        return "" if not p.column else f", {p.column_said(lang)}" if p.column_unnamed() else f", {column} {p.column}"

    # Notes (not errors) often repeat on many rows, such as a replaced territory code: one line each.
    notes: dict[tuple, list[int]] = {}
    for p in problems:
        if p.severity != "error":
            text = f"{p.message(lang)} {p.suggestion_text(lang) or ''}".rstrip()
            notes.setdefault((p.file, at(p), text), []).append(p.row)
    for (file, where_column, text), rows in notes.items():
        # "row 1", "rows 1, 3": the word takes the language's plural for the number of rows listed.
        word = count(len({r for r in rows if r}), "row", "rows", lang).rsplit(" ", 1)[-1]
        where = shown_name(file) + (f", {word} {_ranges(rows)}" if any(rows) else "") + where_column
        c = colon(lang)   # the language's colon: French sets a space before it (`colonne Valeur : remarque :`)
        print(f"{where}{c} {t('cli_note', lang)}{c} {text}")
    for p in problems:
        where = shown_name(p.file) + (f", {row} {p.row}" if p.row else "") + at(p)
        if p.severity != "error":
            continue
        value = f" [{p.shown_value(lang)}]" if p.value not in (None, "") else ""
        hint = p.suggestion_text(lang)
        print(f"{where}{value}{colon(lang)} {p.message(lang)}" + (f" {hint}" if hint else ""))


def _ranges(rows: list[int | None]) -> str:
    """`373-377, 1716-1725, 1873` from those row numbers."""
    numbers = sorted({r for r in rows if r})
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def _print_files(files, lang: str) -> None:
    from .i18n import encoding_name, number, t
    from .schema import TABLES

    for f in files:
        sep = {";": "';'", ",": "','", "\t": t("cli_tab", lang), "|": "'|'"}.get(f.get("separator"), "-")
        # the table as the docs and the templates name it (Gebieden), never the kind of a code (gebied)
        kind = table_said(f["kind"], lang) if f.get("kind") in TABLES else t("cli_unrecognised", lang)
        print(t("cli_file_line", lang, file=shown_name(f["file"]), kind=kind, rows=number(f["rows"], lang, 0),
                encoding=encoding_name(f.get("encoding")), sep=sep, decimal=f.get("decimal")))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from . import i18n
    from .i18n import t
    from .store import StoreError, open_default, open_store

    lang = args.lang

    for variable, value in limits.bad_settings():   # a mistyped limit is said, never its default used unsaid
        print(t("cli_limit_bad", lang, variable=variable, value=value,
                default=limits.DEFAULTS[variable.removeprefix("MONITOR_")]), file=sys.stderr)
    if limits.bad_settings():
        return USAGE
    zone = i18n.bad_time_zone()   # an unknown zone is said, never Brussels time used unsaid
    if zone is not None:
        print(t("cli_time_zone_bad", lang, variable=i18n.TIME_ZONE_VAR, value=shown_name(name_shown(zone)),
                default=i18n.DEFAULT_TIME_ZONE), file=sys.stderr)
        return USAGE
    if args.command == "hash-password":
        return _hash_password()
    # A --db that names no database (not a URL, an unknown kind, a driver not installed, a folder that is
    # not there) or one that cannot be reached is a usage error (2): exit 1 says the user's file is invalid.
    bad = db_url_problem(args.db)
    if bad:
        print(t("cli_db_bad_url", lang, url=shown_url(args.db), detail=bad, option=url_option(args.db)), file=sys.stderr)
        return USAGE
    try:
        if args.command == "init":
            from .store import is_empty, load_demo

            engine = opened(open_store, args.db, lang)
            if engine is None:
                return USAGE
            if args.demo:
                if not is_empty(engine):
                    print(t("cli_demo_present", lang))
                    return OK
                result = load_demo(engine)
                print(t("cli_demo_loaded", lang, batch=result.batch_id, added=result.summary()["added"]))
            else:
                print(t("cli_schema_ready", lang))
            return OK
        missing = missing_sqlite_file(args.db)
        if missing and args.command != "import":
            # Reading a mistyped path must not create an empty store there.
            print(t("cli_no_store", lang, url=missing, option=url_option(args.db)), file=sys.stderr)
            return USAGE
        folder = missing_sqlite_folder(args.db)
        if folder:   # import creates a missing store file, not its folder: that is a typo (init creates both)
            print(t("cli_db_no_folder", lang, folder=folder, url=shown_url(args.db), option=url_option(args.db)),
                  file=sys.stderr)
            return USAGE
        engine = opened(open_default, args.db, lang)
        if engine is None:
            return USAGE
        return COMMANDS[args.command](engine, args)
    except StoreError as exc:
        from .mappings import MappingError

        # A mapping's refusal (save-mapping, import --mapping) says which document it is about.
        said = exc.text(lang)
        print(t("cli_mapping_refused", lang, detail=said) if isinstance(exc, MappingError) else said, file=sys.stderr)
        return INVALID
    except BrokenPipeError:
        raise  # the reader closed the pipe (`| head`); __main__ ends quietly
    except Exception as exc:  # never a traceback for the user; the type names the cause
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(exc, SQLAlchemyError):
            print(t("cli_db_unreachable", lang, detail=type(exc).__name__, option=url_option(args.db)),
                  file=sys.stderr)
            return INVALID
        if isinstance(exc, OSError) and exc.filename is not None:   # a file the system refused: a usage error
            print(t("cli_file_refused", lang, file=shown_name(str(exc.filename)), reason=os_reason(exc, lang)),
                  file=sys.stderr)
            return USAGE
        if os.environ.get("INDICATORS_DEBUG"):
            raise
        print(t("cli_unexpected", lang, detail=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return INVALID


def _validate(engine, args) -> int:
    from .importing import validate_files

    if missing_files(args.files, args.lang):
        return USAGE
    checked = validate_files(engine, args.files, expected_kind=args.table)
    if args.format == "json":
        from .importing import json_report, labels

        print(json.dumps(json_report(checked, labels(args.files), args.lang), ensure_ascii=False, indent=1))
    else:
        from .i18n import t

        _print_files(checked.files, args.lang)
        problems = errors(checked.problems)
        _print_problems(checked.problems, args.lang)
        print(t("cli_ok", args.lang) if checked.ok else t("cli_problems", args.lang, n=_count(problems, args.lang)))
    return OK if checked.ok else INVALID


def _import(engine, args) -> int:
    from .importing import import_files

    if missing_files(args.files, args.lang):
        return USAGE
    account = None
    if args.account:   # as `rollback --as`: the account's rights are checked by the engine (accounts.import_as)
        from .cli_people import _acting

        account = _acting(engine, args.account, args.lang)
        if account is None:
            return INVALID
    sources = args.files
    if args.mapping:
        try:
            from .mappings import apply_saved_mapping
        except ImportError:
            print("Saved mappings are not available in this version.", file=sys.stderr)
            return USAGE
        sources = [apply_saved_mapping(engine, args.mapping, f) for f in args.files]
    options = {"dry_run": args.dry_run, "skip_invalid_rows": args.skip_invalid_rows,
               "attach_to_successor": args.attach_to_successor}
    if account is not None:
        from .accounts import import_as

        outcome = import_as(engine, account, sources, **options)
    else:   # the operator; a --user naming an account that may not import is refused (importing.py)
        outcome = import_files(engine, sources, user=_user(args.user), **options)
    if args.format == "json":
        # `ok`: the import was done (or, dry, would be), exactly when the exit status is 0 (README); with
        # --skip-invalid-rows the rows left out are still listed in `problems`, and counted as `rejected`.
        print(json.dumps({**outcome.report(args.lang), "ok": outcome.ok}, ensure_ascii=False, indent=1))
    else:
        from .i18n import t

        lang = args.lang
        _print_files(outcome.checked.files, lang)
        _print_problems(outcome.checked.problems, lang)
        if outcome.result is None:
            print(t("cli_nothing_imported", lang, n=_count(errors(outcome.checked.problems), lang)))
        else:
            s = outcome.result.summary()
            what = t("cli_dry_run", lang) if args.dry_run else t("cli_imported", lang, batch=outcome.result.batch_id)
            print(t("cli_counts", lang, what=what, **{k: s[k] for k in ("added", "updated", "unchanged", "rejected")}))
            if s.get("earlier_versions"):
                print(t("earlier_versions_kept", lang, n=s["earlier_versions"]))
            from .revisions import undated_notice

            undated = undated_notice(outcome.result.undated, lang)
            if undated:
                print(undated)
    return OK if outcome.result is not None else INVALID


def _history(engine, args) -> int:
    from .store import list_batches

    from .i18n import size, t, when

    from .submissions import batch_user

    frame = list_batches(engine)
    if args.format == "json":   # the codes (status) and the store's times, for scripts
        records = frame.astype(object).where(frame.notna(), None).to_dict("records")
        print(json.dumps(records, ensure_ascii=False, indent=1, default=int))
        return OK
    if frame.empty:
        print(t("cli_no_import", args.lang))
        return OK
    for r in frame.itertuples(index=False):   # times in the reader's words (i18n.moment), never ISO
        state = "" if r.status == "active" else \
            f"  ({t('cli_rolled_back_by', args.lang, when=r.rolled_back_at, who=batch_user(r.rolled_back_by, args.lang))})"
        print(f"{r.batch_id:>5}  {when(r.created_at, args.lang)}  {batch_user(r.user, args.lang):<12}  +{r.added} ~{r.updated} ={r.unchanged} "
              f"x{r.rejected}  {r.files}{state}"
              + (f"  ({t('cli_kept_to_undo', args.lang, size=size(r.kept_bytes, args.lang))})" if r.kept_bytes else ""))
    return OK


def _rollback(engine, args) -> int:
    from .store import rollback

    from .i18n import t

    if getattr(args, "account", None):
        from .accounts import rollback_as
        from .cli_people import _acting

        account = _acting(engine, args.account, args.lang)
        if account is None:
            return INVALID
        counts = rollback_as(engine, account, args.batch_id)
    else:
        from .importing import refuse_account_name

        refuse_account_name(engine, _user(args.user), "rollback")   # as import --user: no rollback in a
        counts = rollback(engine, args.batch_id, user=_user(args.user))   # contributor's or viewer's name
    from .i18n import count   # "1 row removed", "2 rows removed": the language's plural

    print(t("cli_rollback_done", args.lang, batch=args.batch_id,
            removed=count(counts["removed"], "cli_rows_removed_one", "cli_rows_removed_other", args.lang),
            restored=count(counts["restored"], "cli_rows_restored_one", "cli_rows_restored_other", args.lang)))
    return OK


def _export(engine, args) -> int:
    from .exporting import ExportTargetError, export
    from .i18n import t

    # OUT is the user's choice: an unknown extension, a missing folder or one that cannot be written
    # is a usage error (2), said in words, never exit 1, which says the data is invalid.
    try:
        written = export(engine, args.out, table=args.table)
    except ExportTargetError as exc:
        print(t(exc.key, args.lang, **exc.params), file=sys.stderr)
        return USAGE
    except OSError as exc:
        print(t("cli_export_cannot_write", args.lang, file=args.out, detail=os_reason(exc, args.lang)), file=sys.stderr)
        return USAGE
    for path in written:
        print(path)
    return OK


def _hash_password() -> int:
    import getpass

    from .auth import hash_password

    password = getpass.getpass("Editor password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    if len(password) < 8:
        from .i18n import t

        print(t("cli_password_short", "en"), file=sys.stderr)
        return USAGE
    print("[editors]")
    print(f'password_hash = "{hash_password(password)}"')
    return OK


def _save_mapping(engine, args) -> int:
    from .i18n import t
    from .mappings import save_mapping_spec, unknown_indicators
    from .mappings.saved import json_error_text

    try:
        spec = limits.load_json(Path(args.spec).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        print(t("cli_cannot_read", args.lang, file=args.spec, detail=os_reason(exc, args.lang)), file=sys.stderr)
        return USAGE
    except (ValueError, UnicodeDecodeError, limits.LimitExceeded) as exc:   # said in words, never the library's
        print(t("cli_bad_json", args.lang, file=args.spec, detail=json_error_text(exc, args.lang)), file=sys.stderr)
        return INVALID
    user = _mapping_saver(engine, args)   # as import: never in the name of an account that may not import
    if user is None:
        return INVALID
    saved = save_mapping_spec(engine, args.name, spec, user)   # MappingError is a StoreError: exit 1
    print(t("cli_mapping_saved", args.lang, name=args.name))
    unknown = unknown_indicators(engine, saved)
    if unknown:   # saved all the same: the indicators may be added next; the import would refuse the values
        print(t("cli_mapping_unknown_indicators", args.lang, n=len(unknown), names=", ".join(unknown)),
              file=sys.stderr)
    return OK


def _mapping_saver(engine, args) -> str | None:
    """Who saves a mapping, as the Data page lets only an editor save one: `--as EMAIL`, an account whose
    rights are checked, else the operator under `--user NAME`, refused (accounts.Refused, exit 1) when NAME
    is the e-mail of an account that may not import; None when `--as` names no account (said)."""
    from . import accounts
    from .importing import refuse_account_name

    if getattr(args, "account", None):
        from .cli_people import _acting

        account = _acting(engine, args.account, args.lang)
        if account is None:
            return None
        if not accounts.can(account, "import"):
            raise accounts.Refused(f"Refused: the {account.role} role may not save a mapping; nothing was changed.",
                                   key="refused_save_mapping", role=account.role)
        return account.email
    try:
        refuse_account_name(engine, _user(args.user), "import")
    except accounts.Refused as exc:   # the same rule, said for a mapping
        raise accounts.Refused(str(exc), key="refused_save_mapping_user", **exc.params) from None
    return _user(args.user)


def _report(engine, args) -> int:
    from .filters import Filters, selected_actions
    from .queries import load_framework
    from .i18n import size, t
    from .report import ReportError, from_store, write

    lang = args.lang
    if Path(args.out).suffix.lower() not in (".pdf", ".html", ".htm"):
        print(t("cli_report_ext", lang, file=args.out), file=sys.stderr)
        return USAGE
    framework = load_framework(engine)
    for key, table, column in (("level", "levels", "level_id"), ("theme", "themes", "theme_id"),
                               ("action", "actions", "action_id")):
        value = getattr(args, key)
        known = sorted(framework[table][column].astype(str))
        if value and value not in known:
            print(t("cli_unknown_code", lang, what=t(key, lang).lower(), value=value, known=", ".join(known)),
                  file=sys.stderr)
            return USAGE
    known = sorted(framework["indicators"]["indicator_id"].astype(str))
    if args.map_indicator and args.map_indicator not in known:
        print(t("cli_unknown_code", lang, what=t("indicator", lang).lower(), value=args.map_indicator,
                known=", ".join(known)), file=sys.stderr)
        return USAGE
    filters = Filters(lang=args.lang, level=args.level, theme=args.theme, action=args.action, method=args.method)
    if selected_actions(framework, filters).empty:
        print(t("cli_report_empty", lang), file=sys.stderr)
        return USAGE
    since = None
    if args.since:
        try:
            since = date.fromisoformat(args.since)
        except ValueError:
            print(t("cli_bad_since", lang, value=args.since), file=sys.stderr)
            return USAGE
    try:
        report = from_store(engine, filters, framework=framework, revisions_since=since,
                            map_indicator=args.map_indicator)
        path = write(report, args.out)
    except ReportError as exc:   # Chromium missing or failing: nothing was written
        print(t("cli_report_failed", lang, detail=exc), file=sys.stderr)
        return INVALID
    print(t("cli_report_written", lang, path=path, actions=len(report.sections),
            indicators=sum(len(s.indicators) for s in report.sections), size=size(path.stat().st_size, lang)))
    return OK


from .cli_people import account_command, review_command, submit_command  # noqa: E402
from .cli_progress import progress_command  # noqa: E402
from .cli_region import strategy_name_command  # noqa: E402

COMMANDS = {"validate": _validate, "import": _import, "history": _history, "rollback": _rollback,
            "export": _export, "progress": progress_command, "save-mapping": _save_mapping, "report": _report,
            "account": account_command, "submit": submit_command, "review": review_command,
            "strategy-name": strategy_name_command}


def _count(problems, lang: str) -> str:
    """The number of problems in the reader's language (2 002), the counted ones of `more_same` included."""
    from .i18n import number
    from .problems import count

    return number(count(problems), lang, 0)
