"""Command line of people and rights: `account`, `submit`, `review` (see cli.py for the rest)."""
from __future__ import annotations

import sys

OK, INVALID, USAGE = 0, 1, 2


def _acting(engine, email: str, lang: str):
    from . import accounts as A
    from .i18n import t

    account = A.find(engine, email)
    if account is None:
        print(t("cli_no_account", lang, email=email), file=sys.stderr)
    return account


def account_command(engine, args) -> int:
    from . import accounts as A
    from .i18n import t

    if args.account_command == "add":
        password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
        change = getattr(args, "change", None)   # `account add --change`: change the address's existing account
        try:
            account = A.add_account(engine, A.OPERATOR, args.email, args.role, args.partner, password, args.name,
                                    change=bool(change))
        except A.AccountExists as exc:   # the engine's words, then how to change it here
            hint = "account_exists_cli_hint" if change is not None else "account_exists_cli_remove"
            print(f"{exc.text(args.lang)} {t(hint, args.lang, email=exc.params['email'])}", file=sys.stderr)
            return INVALID
        except A.StoreError as exc:
            # An option missing or ill-formed (no --partner for a contributor, an address that is not one) is a
            # usage error (2), as argparse's own are; what the store refuses (an unknown partner) is invalid (1).
            if exc.key not in ("account_needs_partner", "account_bad_email", "account_bad_role"):
                raise
            hint = f" {t('cli_account_partner_hint', args.lang)}" if exc.key == "account_needs_partner" else ""
            print(f"{exc.text(args.lang)}{hint}", file=sys.stderr)
            return USAGE
        print(t("cli_account_saved", args.lang, email=account.email, role=t(f"role_{account.role}", args.lang),
                partner=f" ({account.partner_id})" if account.partner_id else ""))
    elif args.account_command == "list":
        listed = A.list_accounts(engine, A.OPERATOR)
        if getattr(args, "format", "text") == "json":   # the codes, for scripts
            _print_json([{"email": r["email"], "role": r["role"], "partner_id": r["partner_id"], "name": r["name"],
                          "sign_in": "local" if r["local"] else "sso", "created_at": r["created_at"],
                          "created_by": r["created_by"]} for r in listed])
            return OK
        for r in listed:   # roles and sign-in kinds in words, in every language
            print("\t".join([r["email"], _said(r["role"], f"role_{r['role']}", args.lang), r["partner_id"] or "-",
                             r["name"] or "-", _said("local" if r["local"] else "sso",
                                                     "account_local" if r["local"] else "account_sso", args.lang)]))
    else:   # the last admin is kept (the engine refuses, in words)
        if not A.remove_account(engine, A.OPERATOR, args.email):
            print(t("cli_account_remove_unknown", args.lang, email=args.email), file=sys.stderr)
            return INVALID
        print(t("cli_account_removed", args.lang, email=args.email.strip().lower()))
    return OK


def _said(code: str, key: str, lang: str) -> str:
    """A code of a listing in the reader's words, in every language (`--format json` gives scripts the codes);
    the code itself for one without words."""
    from .i18n import TEXTS, t

    return t(key, lang) if key in TEXTS else code


def _print_json(entries: list[dict]) -> None:
    import json

    print(json.dumps(entries, ensure_ascii=False, indent=1))


def submit_command(engine, args) -> int:
    from pathlib import Path

    from . import submissions as S
    from .cli import _count, _print_files, _print_problems
    from .cli_files import missing_files, os_reason, shown_name
    from .i18n import t
    from .problems import errors

    if missing_files([args.file], args.lang):   # as import says it: no such file, a folder, a device
        return USAGE
    account = _acting(engine, args.account, args.lang)
    if account is None:
        return INVALID
    path = Path(args.file)
    try:
        content = path.read_bytes()
    except OSError as exc:   # there but unreadable: in words, never the system's English
        print(t("cli_file_refused", args.lang, file=shown_name(args.file), reason=os_reason(exc, args.lang)),
              file=sys.stderr)
        return USAGE
    sent = S.submit(engine, account, path.name, content, replaces=args.replaces)
    _print_files(sent.checked.files, args.lang)
    _print_problems(sent.checked.problems, args.lang)
    if sent.submission_id is None:
        print(t("cli_nothing_imported", args.lang, n=_count(errors(sent.checked.problems), args.lang)))
        return INVALID
    # four eyes: an editor's or an admin's own submission waits for another editor
    own = "cli_submitted_other_editor" if account.role in ("editor", "admin") else "cli_submitted"
    print(t(own, args.lang, id=sent.submission_id))
    if sent.carried is not None:   # a correction leaving out rows of the returned submission carries them
        print(S.carried_words(sent.carried, args.lang))
    return OK


def review_command(engine, args) -> int:
    from . import submissions as S
    from .cli import _print_problems
    from .i18n import t

    if args.action != "list" and args.submission_id is None:
        print(t("cli_review_needs_id", args.lang, action=args.action), file=sys.stderr)
        return USAGE
    account = _acting(engine, args.account, args.lang)
    if account is None:
        return INVALID
    if args.action == "list":
        from .i18n import when

        listed = S.listing(engine, account)
        if getattr(args, "format", "text") == "json":   # the codes and the store's times (ISO, UTC), for scripts
            _print_json([{**{k: s.get(k) for k in ("submission_id", "created_at", "contributor", "partner_id",
                                                    "file_name", "rows", "comment", "reviewer", "reviewed_at",
                                                    "batch_id", "replaces", "rolled_back_at", "rolled_back_by")},
                          "status": S.state(s), "contributor_gone": bool(s.get("contributor_gone"))} for s in listed])
            return OK
        for s in listed:   # the state in words (an approval whose import was undone says so), the time in the
            gone = f" ({t('submission_no_account', args.lang)})" if s.get("contributor_gone") else ""   # reader's
            shown = {**s, "status": _state(s, args.lang), "contributor": f"{s['contributor']}{gone}",
                     "created_at": when(s["created_at"], args.lang)}
            print("\t".join(str(shown[k] if shown[k] is not None else "-") for k in
                            ("submission_id", "status", "created_at", "contributor", "partner_id", "file_name",
                             "comment")))
        return OK
    if args.action == "return":
        S.send_back(engine, account, args.submission_id, args.comment)
        print(t("cli_returned", args.lang, id=args.submission_id))
        return OK
    outcome = S.approve(engine, account, args.submission_id)
    if not outcome.ok:
        _print_problems(outcome.checked.problems, args.lang)
        return INVALID
    print(t("cli_imported", args.lang, batch=outcome.result.batch_id))
    return OK


def _state(sub: dict, lang: str) -> str:
    """Where a submission stands, in the reader's words in every language ("approuvée, import annulé le …",
    "approved, import rolled back on …"), as the Contributions page says it."""
    from . import submissions as S
    from .i18n import t, when

    state = S.state(sub)
    if state == S.ROLLED_BACK:
        return t("submission_rolled_back", lang, when=when(sub["rolled_back_at"], lang))
    return _said(state, f"submission_{state}", lang)
