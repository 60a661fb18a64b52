"""Command line of the store's own identity: `strategy-name`, the name of the strategy the store follows,
shown under the Overview's title and on the report's cover (see store/identity.py; cli.py has the rest)."""
from __future__ import annotations

import sys

OK, INVALID, USAGE = 0, 1, 2


def add_parser(sub, common) -> None:
    p = sub.add_parser(
        "strategy-name", parents=[common],
        help="set or show the name of the strategy the store follows (fr, nl, en), shown under the Overview's "
             "title and on the report's cover",
        description="Without a name: print the names the store holds. NAME sets the name in the language of "
                    "--lang; --fr, --nl, --en set each language's at once; an empty name (\"\") removes that "
                    "language's; --clear removes them all. A store names no strategy until it is set here "
                    "(init --demo and the first start's demo name the demo's).")
    p.add_argument("name", nargs="?", metavar="NAME", help="the name in the language of --lang")
    for lang, word in (("fr", "French"), ("nl", "Dutch"), ("en", "English")):
        p.add_argument(f"--{lang}", metavar="NAME", help=f"the name in {word}")
    p.add_argument("--clear", action="store_true", help="remove the name in every language")


def strategy_name_command(engine, args) -> int:
    from .i18n import t
    from .store.identity import LANGS, NAME_LENGTH, clean_name, set_strategy_names, strategy_names

    lang = args.lang
    given = {each: getattr(args, each) for each in LANGS if getattr(args, each) is not None}
    if args.name is not None:
        if lang in given and given[lang] != args.name:
            print(t("cli_strategy_name_twice", lang, option=lang), file=sys.stderr)
            return USAGE
        given[lang] = args.name
    if args.clear:
        if given:
            print(t("cli_strategy_name_clear_alone", lang), file=sys.stderr)
            return USAGE
        given = {each: "" for each in LANGS}
    too_long = [each for each, name in given.items() if len(clean_name(name)) > NAME_LENGTH]
    if too_long:   # refused, not cut: a name cut at 300 characters would be saved as said
        print(t("cli_strategy_name_too_long", lang, option=too_long[0], length=len(clean_name(given[too_long[0]])),
                most=NAME_LENGTH), file=sys.stderr)
        return INVALID
    names = set_strategy_names(engine, given) if given else strategy_names(engine)
    if given:
        print(t("cli_strategy_name_saved", lang))
    if not names:
        print(t("cli_strategy_name_none", lang))
        return OK
    for each in LANGS:
        print(f"{each}\t{names.get(each) or '–'}")
    return OK
