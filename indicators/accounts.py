"""Accounts and rights: who may do what, enforced here in the engine, not by hiding buttons.

Roles (DESIGN.md "People and rights"): a viewer reads and validates; a contributor belongs to one
partner and submits observations for the indicators that partner owns (and updates of the actions it
leads); an editor reviews, imports, rolls back and revises targets; an admin also manages accounts.
Accounts are local (a PBKDF2 hash kept in the store, see auth.py) or come from single sign-on, where
the e-mail of the signed-in user is looked up here for its role and partner.

Every writing function of the product that a person triggers takes the acting `Account` and calls
`require`, which raises `Refused` (a StoreError: the CLI and the pages say it in the user's language).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from .auth import hash_password, verify_password
from .store import SQL_TABLES, StoreError, _now

ROLES = ("viewer", "contributor", "editor", "admin")

# right -> the roles that hold it
RIGHTS = {
    "validate": ROLES,
    "submit": ("contributor", "editor", "admin"),
    "review": ("editor", "admin"),
    "import": ("editor", "admin"),
    "rollback": ("editor", "admin"),
    "revise_targets": ("editor", "admin"),
    "manage_accounts": ("admin",),
}

EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s.]{2,}$")
MIN_PASSWORD = 10   # characters of a local password (docs/deployment.md)

_meta = sa.MetaData()
accounts = sa.Table(
    "accounts", _meta,
    sa.Column("email", sa.String(255), primary_key=True),     # lower-cased
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("partner_id", sa.String(64)),
    sa.Column("name", sa.String(200)),
    sa.Column("password_hash", sa.Text),                        # None: single sign-on only
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("created_by", sa.String(255), nullable=False),
)


class Refused(StoreError):
    """An action the acting account has no right to: nothing was changed."""

    def text(self, lang: str) -> str:
        from .i18n import t

        return t(self.key, lang, **words(self.params, lang))


def words(params: dict, lang: str) -> dict:
    """A message's parameters in the reader's language: a role (`role`) in words, tables (`tables`, a tuple
    of their codes) by their names, as the Data page names them."""
    from .i18n import t
    from .schema import TABLES

    params = dict(params)
    if "role" in params:
        params["role"] = t(f"role_{params['role']}", lang)
    if isinstance(params.get("tables"), (tuple, list)):
        params["tables"] = ", ".join(getattr(TABLES[k], f"label_{lang}").lower() if k in TABLES else str(k)
                                     for k in params["tables"])
    return params


class AccountExists(StoreError):
    """Adding an account for an address that has one already: nothing changed unless the change is asked
    for (add_account(change=True)); the page and the command line each say how to ask for it."""

    def text(self, lang: str) -> str:
        from .i18n import t

        params = words(self.params, lang)
        params["partner"] = f", {params['partner']}" if params.get("partner") else ""
        return t(self.key, lang, **params)


@dataclass(frozen=True)
class Account:
    email: str
    role: str
    partner_id: str | None = None
    name: str | None = None

    @property
    def label(self) -> str:
        return f"{self.name} <{self.email}>" if self.name else self.email


VIEWER = Account("", "viewer")          # everyone who opens the dashboard
OPERATOR = Account("command-line", "admin", name="command line")  # who holds the server's command line


def ensure(engine: Engine) -> None:
    _meta.create_all(engine)


def can(account: Account | None, right: str) -> bool:
    return (account or VIEWER).role in RIGHTS[right]


def require(account: Account | None, right: str) -> Account:
    """The account, when it holds `right`; else Refused with a message naming the right and the role."""
    account = account or VIEWER
    if not can(account, right):
        raise Refused(f"Refused: the {account.role} role may not {right}; nothing was changed.",
                      key=f"refused_{right}", role=account.role)
    return account


def _row_account(row) -> Account:
    return Account(row.email, row.role, row.partner_id, row.name)


def add_account(engine: Engine, by: Account, email: str, role: str, partner_id: str | None = None,
                password: str | None = None, name: str | None = None, change: bool = False) -> Account:
    """Create an account (admin only); `change=True` changes the existing one of that address instead
    (what is not given — the name, the password — stays as it was). An address that has an account
    already (in any letter case) is refused without `change`, unless what is asked is what it holds. A
    contributor needs a known partner; a local password has at least MIN_PASSWORD characters."""
    require(by, "manage_accounts")
    email = (email or "").strip().lower()
    if not EMAIL.match(email):
        raise StoreError(f"Not an e-mail address: {email!r}.", key="account_bad_email", email=email)
    if role not in ROLES:
        raise StoreError(f"Unknown role {role!r}: {', '.join(ROLES)}.", key="account_bad_role", role=role,
                         roles=", ".join(ROLES))
    partner_id = (partner_id or "").strip() or None
    if role == "contributor" and not partner_id:
        # no command-line option here: the page has a field, the command line adds its own hint
        raise StoreError("A contributor belongs to a partner: say which one.", key="account_needs_partner")
    if password is not None and len(password) < MIN_PASSWORD:
        raise StoreError(f"A password has at least {MIN_PASSWORD} characters.", key="account_password_short",
                         n=MIN_PASSWORD)
    name = (name or "").strip() or None
    ensure(engine)
    with engine.begin() as conn:
        if partner_id is not None:
            partners = SQL_TABLES["partners"]
            if conn.execute(sa.select(partners.c.partner_id).where(partners.c.partner_id == partner_id)).first() \
                    is None:
                _unknown_partner(conn, partner_id)
        found = conn.execute(sa.select(accounts).where(sa.func.lower(accounts.c.email) == email)).first()
        if found is None:
            values = {"role": role, "partner_id": partner_id, "name": name, "created_at": _now(),
                      "created_by": by.email, "password_hash": hash_password(password) if password else None}
            conn.execute(accounts.insert().values(email=email, **values))
            return Account(email, role, partner_id, name)
        same = (role, partner_id) == (found.role, found.partner_id) and name in (None, found.name) and not password
        if not change and not same:
            raise AccountExists(f"An account exists for {email} ({found.role}); nothing was changed.",
                                key="account_exists", email=found.email, role=found.role,
                                partner=found.partner_id or "")
        if found.role == "admin" and role != "admin":
            _not_last_admin(conn, found.email)
        values = {"role": role, "partner_id": partner_id, "name": name or found.name}
        if password:
            values["password_hash"] = hash_password(password)
        conn.execute(accounts.update().where(accounts.c.email == found.email).values(**values))
    return Account(found.email, role, partner_id, values["name"])


def _unknown_partner(conn, partner_id: str) -> None:
    """Refuse a partner code the partners table does not hold, with the known code it most likely meant
    (another letter case, a typo), as the import suggests one."""
    from .cross_checks import nearest_code

    known = [str(p) for (p,) in conn.execute(sa.select(SQL_TABLES["partners"].c.partner_id))]
    near = nearest_code(partner_id, known)
    if near:
        raise StoreError(f"Unknown partner {partner_id!r}. Did you mean {near}?", key="account_unknown_partner_near",
                         partner=partner_id, near=near)
    raise StoreError(f"Unknown partner {partner_id!r}.", key="account_unknown_partner", partner=partner_id)


def _not_last_admin(conn, email: str) -> None:
    """The last admin account is neither removed nor given another role: someone must manage accounts."""
    others = conn.execute(sa.select(sa.func.count()).select_from(accounts)
                          .where(accounts.c.role == "admin", accounts.c.email != email)).scalar()
    if not others:
        raise StoreError(f"{email} is the only admin account; nothing was changed.", key="account_last_admin",
                         email=email)


def remove_account(engine: Engine, by: Account, email: str) -> bool:
    """Remove an account (admin only); False when the address has none. The last admin is kept."""
    require(by, "manage_accounts")
    ensure(engine)
    email = (email or "").strip().lower()
    with engine.begin() as conn:
        found = conn.execute(sa.select(accounts.c.role).where(accounts.c.email == email)).first()
        if found is None:
            return False
        if found.role == "admin":
            _not_last_admin(conn, email)
        return conn.execute(accounts.delete().where(accounts.c.email == email)).rowcount > 0


def find(engine: Engine, email: str | None) -> Account | None:
    """The account of an e-mail (single sign-on), or None: a stranger is a viewer."""
    if not email:
        return None
    ensure(engine)
    with engine.connect() as conn:
        row = conn.execute(sa.select(accounts).where(accounts.c.email == email.strip().lower())).first()
    return _row_account(row) if row else None


def sign_in(engine: Engine, email: str, password: str) -> Account | None:
    """The account when the password matches its stored hash; None otherwise (constant-time compare)."""
    if not email or not password:
        return None
    ensure(engine)
    with engine.connect() as conn:
        row = conn.execute(sa.select(accounts).where(accounts.c.email == email.strip().lower())).first()
    if row is None or not verify_password(password, row.password_hash):
        return None
    return _row_account(row)


def list_accounts(engine: Engine, by: Account) -> list[dict]:
    require(by, "manage_accounts")
    ensure(engine)
    with engine.connect() as conn:
        rows = conn.execute(sa.select(accounts.c.email, accounts.c.role, accounts.c.partner_id, accounts.c.name,
                                      accounts.c.created_at, accounts.c.created_by,
                                      accounts.c.password_hash.is_not(None).label("local"))
                            .order_by(accounts.c.email)).all()
    return [dict(r._mapping) for r in rows]


def import_as(engine: Engine, account: Account | None, sources, **options):
    """A direct import (editors): the import path of importing.py behind the right."""
    from .importing import import_files

    require(account, "import")
    return import_files(engine, sources, user=options.pop("user", None) or (account.label if account else ""),
                        **options)


def rollback_as(engine: Engine, account: Account | None, batch_id: int) -> dict[str, int]:
    """Undo a batch (editors)."""
    from .store import rollback

    require(account, "rollback")
    return rollback(engine, batch_id, user=account.label)
