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
            if exc.key != "account_needs_partner":
                raise
            print(f"{exc.text(args.lang)} {t('cli_account_partner_hint', args.lang)}", file=sys.stderr)
            return INVALID
        print(t("cli_account_saved", args.lang, email=account.email, role=t(f"role_{account.role}", args.lang),
                partner=f" ({account.partner_id})" if account.partner_id else ""))
    elif args.account_command == "list":
        for r in A.list_accounts(engine, A.OPERATOR):
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
    """A code of a listing in the reader's words in French and Dutch; in English the code itself, which is an
    English word and what scripts reading the listing expect."""
    from .i18n import TEXTS, t

    return code if lang == "en" or key not in TEXTS else t(key, lang)


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
        for s in S.listing(engine, account):   # the state: rolled_back for an approval whose import was undone
            gone = f" ({t('submission_no_account', args.lang)})" if s.get("contributor_gone") else ""
            shown = {**s, "status": _state(s, args.lang), "contributor": f"{s['contributor']}{gone}"}
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
    """Where a submission stands, in the reader's words in French and Dutch ("approuvée, import annulé le …"),
    as the Contributions page says it; in English the status code (`rolled_back`), as before."""
    from . import submissions as S
    from .i18n import t, when

    state = S.state(sub)
    if lang == "en":
        return state
    if state == S.ROLLED_BACK:
        return t("submission_rolled_back", lang, when=when(sub["rolled_back_at"], lang))
    return _said(state, f"submission_{state}", lang)
