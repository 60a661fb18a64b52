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
            print("\t".join([r["email"], r["role"], r["partner_id"] or "-", r["name"] or "-",
                             "local" if r["local"] else "sso"]))
    else:
        if not A.remove_account(engine, A.OPERATOR, args.email):
            print(t("cli_no_account", args.lang, email=args.email), file=sys.stderr)
            return INVALID
    return OK


def submit_command(engine, args) -> int:
    from pathlib import Path

    from . import submissions as S
    from .cli import _count, _print_files, _print_problems
    from .i18n import t
    from .problems import errors

    account = _acting(engine, args.account, args.lang)
    if account is None:
        return INVALID
    path = Path(args.file)
    sent = S.submit(engine, account, path.name, path.read_bytes(), replaces=args.replaces)
    _print_files(sent.checked.files, args.lang)
    _print_problems(sent.checked.problems, args.lang)
    if sent.submission_id is None:
        print(t("cli_nothing_imported", args.lang, n=_count(errors(sent.checked.problems), args.lang)))
        return INVALID
    print(t("cli_submitted", args.lang, id=sent.submission_id))
    return OK


def review_command(engine, args) -> int:
    from . import submissions as S
    from .cli import _print_problems
    from .i18n import t

    account = _acting(engine, args.account, args.lang)
    if account is None:
        return INVALID
    if args.action == "list":
        for s in S.listing(engine, account):   # the state: rolled_back for an approval whose import was undone
            shown = {**s, "status": S.state(s)}
            print("\t".join(str(shown[k] if shown[k] is not None else "-") for k in
                            ("submission_id", "status", "created_at", "contributor", "partner_id", "file_name",
                             "comment")))
        return OK
    if args.submission_id is None:
        print("ID?", file=sys.stderr)
        return USAGE
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
