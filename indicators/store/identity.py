"""What a store says about itself, kept in its `meta` table: the name of the strategy it follows (in
French, Dutch and English) and whether it holds the product's demo.

Nothing of it is in the code (DESIGN.md: another border region loads its own framework): a store that
did not load the demo names no strategy until its administrator sets one
(`python -m indicators strategy-name`), and never says that its figures are the demo's.
"""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from .tables import _bump_version, batches, meta, meta_value, set_meta_value

LANGS = ("fr", "nl", "en")
NAME_KEY = "strategy_name_{lang}"
DEMO_KEY = "demo_batch"     # the batch that loaded the demo: the store holds the demo while it is active
NAME_LENGTH = 300


def _connected(engine_or_conn, read):
    if isinstance(engine_or_conn, Engine):
        with engine_or_conn.connect() as conn:
            return read(conn)
    return read(engine_or_conn)


def strategy_names(engine_or_conn) -> dict[str, str]:
    """The strategy's name in each language it was given in ({} for a store that names none)."""
    def read(conn) -> dict[str, str]:
        names = {lang: meta_value(conn, NAME_KEY.format(lang=lang)) for lang in LANGS}
        return {lang: name for lang, name in names.items() if name}
    return _connected(engine_or_conn, read)


def shown_name(names: dict[str, str], lang: str) -> str | None:
    """The name a page in `lang` shows: the name in `lang`, else the name in another language (French,
    Dutch, English: a strategy's own name beats no name); None when the store names no strategy."""
    for each in (lang, *LANGS):
        if names.get(each):
            return names[each]
    return None


def strategy_name(engine_or_conn, lang: str) -> str | None:
    """The strategy's name as a page in `lang` shows it (see `shown_name`), None when none is set."""
    return shown_name(strategy_names(engine_or_conn), lang)


def clean_name(name: str | None) -> str:
    """A name as stored: one line, spaces collapsed ('' clears the language's name). Longer than
    NAME_LENGTH is for the caller to refuse (`set_strategy_names` raises)."""
    return " ".join(str(name or "").split())


def set_strategy_names(engine: Engine, names: dict[str, str | None]) -> dict[str, str]:
    """Set the name in each language of `names` (an empty one clears that language's); one transaction.
    Returns the names the store holds afterwards. The data version changes, so running pages show it."""
    unknown = set(names) - set(LANGS)
    if unknown:
        raise ValueError(f"unknown language(s): {', '.join(sorted(unknown))}")
    too_long = sorted(lang for lang, name in names.items() if len(clean_name(name)) > NAME_LENGTH)
    if too_long:
        raise ValueError(f"name longer than {NAME_LENGTH} characters: {', '.join(too_long)}")
    with engine.begin() as conn:
        for lang, name in names.items():
            _put(conn, NAME_KEY.format(lang=lang), clean_name(name))
        _bump_version(conn)
        return strategy_names(conn)


def _put(conn, key: str, value: str) -> None:
    if value:
        set_meta_value(conn, key, value)
    else:
        conn.execute(meta.delete().where(meta.c.key == key))


def mark_demo(conn, batch_id: int | None, names: dict[str, str]) -> None:
    """Loading the demo (init --demo, the default store's first start): the store holds the demo from
    that batch on, and names the demo's strategy unless it was given a name of its own already."""
    if batch_id is not None:
        set_meta_value(conn, DEMO_KEY, str(batch_id))
    if not strategy_names(conn):
        for lang, name in names.items():
            _put(conn, NAME_KEY.format(lang=lang), clean_name(name))


def holds_demo(engine_or_conn) -> bool:
    """Whether the store holds the demo: it was loaded (init --demo, or the first start's seeding) and
    its batch was not rolled back. A region's own data imported into an empty store never does."""
    def read(conn) -> bool:
        batch = meta_value(conn, DEMO_KEY)
        if not batch or not batch.isdigit():
            return False
        status = conn.execute(sa.select(batches.c.status).where(batches.c.batch_id == int(batch))).scalar()
        return status == "active"
    return _connected(engine_or_conn, read)


def editor_access(engine_or_conn) -> bool:
    """Whether a local account of the store may import: an editor or an admin with a password, who signs in
    on the Contributions page (`account add EMAIL --role editor --password-stdin`). The demo's editor has
    no password (docs/deployment.md): nobody signs in as it, so it is no editor access."""
    from ..accounts import RIGHTS, accounts

    def read(conn) -> bool:   # a store where no account was ever made has no accounts table yet
        if not sa.inspect(conn).has_table("accounts"):
            return False
        found = conn.execute(sa.select(accounts.c.email).where(
            accounts.c.role.in_(RIGHTS["import"]), accounts.c.password_hash.is_not(None)).limit(1))
        return found.first() is not None
    return _connected(engine_or_conn, read)


def describe(engine: Engine) -> dict:
    """The names and the demo's presence at once, for the pages (read once per data version: both change
    only with a write that changes it). Accounts do not change the data version: see `editor_access`."""
    with engine.connect() as conn:
        return {"names": strategy_names(conn), "demo": holds_demo(conn)}


def mark_older_demo(engine: Engine, demo_names: list[str], names: dict[str, str]) -> None:
    """A store that loaded the demo before stores said so (no mark, no name) gets both, once: its first
    batch is the demo's own (user "demo", the demo's files in their order). Otherwise Lille's deployment
    lost its strategy's name and its "illustrative figures" line with the upgrade."""
    with engine.begin() as conn:
        if meta_value(conn, DEMO_KEY) is not None or strategy_names(conn):
            return
        first = conn.execute(sa.select(batches.c.batch_id, batches.c.user, batches.c.files)
                             .order_by(batches.c.batch_id).limit(1)).first()
        if first is None:   # a new store: nothing to recognise yet, and nothing written on opening it
            return
        if first.user != "demo" or first.files != ", ".join(demo_names):
            set_meta_value(conn, DEMO_KEY, "")   # looked once: not the demo
            return
        mark_demo(conn, first.batch_id, names)
        _bump_version(conn)
