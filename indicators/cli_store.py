"""The command line's store address: why a --db URL cannot be tried, how messages show it (never its
password), and the store opened or said why not."""
from __future__ import annotations

import sys
from pathlib import Path


def db_url_problem(url: str | None) -> str | None:
    """Why the store's URL (--db, else $INDICATORS_DB_URL) names no database this program can open, in
    a few words (the error's kind), before any connection; None when it can be tried."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from .store import database_url

    try:
        make_url(database_url(url)).get_dialect().import_dbapi()   # the kind of database, then its driver
    except ArgumentError as exc:   # not a URL; an unknown kind (NoSuchModuleError is one)
        return type(exc).__name__
    except ValueError as exc:   # a port that is not a number
        return f"{type(exc).__name__}: {exc}"
    except ImportError as exc:   # the driver is not installed
        return f"{type(exc).__name__}: {exc.name or exc}"
    return None


def url_option(url: str | None) -> str:
    """Where the store's URL came from, as messages name it: `--db` when given, else the environment
    variable INDICATORS_DB_URL when set (the user never typed --db), else `--db` (the default file)."""
    import os

    from .store.tables import ENV_VAR

    return "--db" if url or not os.environ.get(ENV_VAR) else ENV_VAR


def shown_url(url: str | None) -> str:
    """The store's URL as messages show it: never its password."""
    import re

    from sqlalchemy.engine import make_url

    from .store import database_url

    full = database_url(url)
    try:
        return make_url(full).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - not a URL: hide what would be a password all the same
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", full)


def opened(opener, url: str | None, lang: str):
    """The store opened by `opener` (open_store, open_default), or None once said why it cannot be (a
    server that does not answer, a file that is not a database): a usage error, the --db to check."""
    from sqlalchemy.exc import SQLAlchemyError

    from .i18n import t

    try:
        return opener(url)
    except SQLAlchemyError as exc:
        print(t("cli_db_unreachable", lang, detail=type(exc).__name__, option=url_option(url)), file=sys.stderr)
        return None


def missing_sqlite_folder(url: str | None) -> str | None:
    """The folder of an explicitly given SQLite store that does not exist, else None: a typo in --db,
    never created by a command other than init."""
    from .store import database_url, is_default

    full = database_url(url)
    if is_default(url) or not full.startswith("sqlite:///"):
        return None
    path = Path(full.removeprefix("sqlite:///"))
    if str(path) == ":memory:" or full.startswith("sqlite:///file:"):   # SQLite's own URI form: its own path
        return None
    return None if path.parent.is_dir() else str(path.parent)


def missing_sqlite_file(url: str | None) -> str | None:
    """The path of an explicitly given SQLite store that does not exist, else None."""
    from .store import database_url, is_default

    full = database_url(url)
    if is_default(url) or not full.startswith("sqlite:///"):
        return None
    path = Path(full.removeprefix("sqlite:///"))
    return None if path.exists() or str(path) == ":memory:" else str(path)
