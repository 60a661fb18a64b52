"""Submissions: a contributor sends a file, an editor reviews it.

A file is validated at once with the import's own checks (indicators/importing.py), so the
contributor sees the report an editor would see. Only a file without blocking problems is kept:
it waits in the review queue with its bytes. The editor sees the dry-run of its import, then approves
it (imported as one batch whose user names the contributor and the reviewer) or returns it with a
comment the contributor reads before sending a corrected file. Nothing is deleted: every submission,
return and approval stays in the `submissions` table.

A contributor submits only observations of the indicators its partner owns; it sees only its own
partner's submissions. Rights are checked here (accounts.require), whatever the caller.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from . import limits
from .accounts import Account, Refused, require
from .importing import Outcome, import_files, validate_files
from .partners import codes
from .problems import errors
from .store import SQL_TABLES, StoreError, _now
from .validation import Checked

PENDING, RETURNED, APPROVED, SUPERSEDED = "pending", "returned", "approved", "superseded"
APPROVING = "approving"   # claimed by an editor while its import runs
CONTRIBUTOR_TABLES = ("observations", "action_updates")   # what a partner may send; the framework stays with editors

_meta = sa.MetaData()
submissions = sa.Table(
    "submissions", _meta,
    sa.Column("submission_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("contributor", sa.String(255), nullable=False),
    sa.Column("partner_id", sa.String(64)),
    sa.Column("file_name", sa.String(255), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
    sa.Column("rows", sa.Integer, nullable=False, default=0),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("comment", sa.Text),
    sa.Column("reviewer", sa.String(255)),
    sa.Column("reviewed_at", sa.String(32)),
    sa.Column("batch_id", sa.Integer),
    sa.Column("replaces", sa.Integer),          # the returned submission this one corrects
)


@dataclass
class Submitted:
    checked: Checked
    submission_id: int | None     # None: not kept (blocking problems)


def ensure(engine: Engine) -> None:
    _meta.create_all(engine)


def _owned(conn, partner_id: str | None) -> set[str]:
    ind = SQL_TABLES["indicators"]
    return {str(i) for i, owner in conn.execute(sa.select(ind.c.indicator_id, ind.c.owner))
            if partner_id and partner_id in codes(owner)}


def _led(conn, partner_id: str | None) -> set[str]:
    act = SQL_TABLES["actions"]
    return {str(a) for a, lead in conn.execute(sa.select(act.c.action_id, act.c.lead))
            if partner_id and partner_id in codes(lead)}


def _check_scope(engine: Engine, account: Account, checked: Checked) -> None:
    """A contributor's file holds only observations of the indicators its partner owns and updates of
    the actions it leads."""
    if account.role != "contributor":
        return
    kinds = sorted({str(k) for k in checked.tables} - set(CONTRIBUTOR_TABLES))
    if kinds:
        raise Refused(f"A contributor submits observations only, not {', '.join(kinds)}.",
                      key="refused_submit_tables", tables=", ".join(kinds))
    with engine.connect() as conn:
        owned = _owned(conn, account.partner_id)
        led = _led(conn, account.partner_id)
    sent = set()
    if "observations" in checked.tables:
        sent |= {str(i) for i in checked.tables["observations"]["indicator_id"].dropna()} - owned
    if "action_updates" in checked.tables:
        sent |= {str(a) for a in checked.tables["action_updates"]["action_id"].dropna()} - led
    foreign = sorted(sent)
    if foreign:
        raise Refused(f"Indicators not owned by {account.partner_id}: {', '.join(foreign[:10])}; nothing was kept.",
                      key="refused_submit_foreign", partner=account.partner_id or "–",
                      ids=", ".join(foreign[:10]) + (" …" if len(foreign) > 10 else ""))


def submit(engine: Engine, account: Account, file_name: str, content: bytes,
           replaces: int | None = None) -> Submitted:
    """Validate a file and, when nothing blocks it, keep it for review. `replaces`: the returned
    submission it corrects (then marked superseded)."""
    require(account, "submit")
    limits.check("MAX_SUBMISSION_BYTES", len(content))
    ensure(engine)
    if replaces is not None:
        previous = get(engine, account, replaces)
        if previous["status"] != RETURNED:
            raise StoreError(f"Submission {replaces} is {previous['status']}: only a returned one is corrected.",
                             key="submission_not_returned", id=replaces)
    checked = validate_files(engine, [(file_name, content)])
    if errors(checked.problems) or not checked.tables:
        return Submitted(checked, None)
    _check_scope(engine, account, checked)
    rows = sum(len(frame) for frame in checked.tables.values())
    with engine.begin() as conn:
        new_id = conn.execute(submissions.insert().values(
            created_at=_now(), contributor=account.email, partner_id=account.partner_id, file_name=file_name[:255],
            sha256=hashlib.sha256(content).hexdigest(), content=content, rows=rows, status=PENDING,
            replaces=replaces)).inserted_primary_key[0]
        if replaces is not None:
            conn.execute(submissions.update().where(submissions.c.submission_id == replaces)
                         .values(status=SUPERSEDED))
    return Submitted(checked, int(new_id))


def _visible(account: Account):
    """The rows an account may see: editors all, a contributor its own partner's, a viewer none."""
    if account.role in ("editor", "admin"):
        return sa.true()
    if account.role == "contributor" and account.partner_id:
        return submissions.c.partner_id == account.partner_id
    return sa.false()


def listing(engine: Engine, account: Account, status: str | None = None) -> list[dict]:
    """The submissions the account may see, newest first, without their bytes."""
    ensure(engine)
    cols = [c for c in submissions.c if c.name != "content"]
    query = sa.select(*cols).where(_visible(account)).order_by(submissions.c.submission_id.desc())
    if status:
        query = query.where(submissions.c.status == status)
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def get(engine: Engine, account: Account, submission_id: int) -> dict:
    """One submission with its bytes; another partner's is refused as if it did not exist for it."""
    ensure(engine)
    with engine.connect() as conn:
        row = conn.execute(sa.select(submissions).where(submissions.c.submission_id == int(submission_id))
                           .where(_visible(account))).first()
    if row is None:
        raise Refused(f"Submission {submission_id} is not yours to see.", key="refused_submission",
                      id=submission_id)
    return dict(row._mapping)


def preview(engine: Engine, account: Account, submission_id: int) -> Outcome:
    """The dry run of the submission's import against today's store (editors)."""
    require(account, "review")
    sub = get(engine, account, submission_id)
    return import_files(engine, [(sub["file_name"], bytes(sub["content"]))], dry_run=True)


def _pending(sub: dict) -> None:
    if sub["status"] != PENDING:
        raise StoreError(f"Submission {sub['submission_id']} is {sub['status']}, not pending.",
                         key="submission_not_pending", id=sub["submission_id"])


def approve(engine: Engine, account: Account, submission_id: int) -> Outcome:
    """Import the submission as one batch naming the contributor and the reviewer."""
    require(account, "review")
    sub = get(engine, account, submission_id)
    _pending(sub)
    where = (submissions.c.submission_id == sub["submission_id"])
    with engine.begin() as conn:   # claim it first: two editors approving at once import it once
        if conn.execute(submissions.update().where(where).where(submissions.c.status == PENDING)
                        .values(status=APPROVING)).rowcount != 1:
            raise StoreError(f"Submission {sub['submission_id']} was already dealt with.",
                             key="submission_not_pending", id=sub["submission_id"])
    user = f"{sub['contributor']} (reviewed by {account.email})"
    try:
        outcome = import_files(engine, [(sub["file_name"], bytes(sub["content"]))], user=user)
    except BaseException:
        _set(engine, where, status=PENDING)
        raise
    if outcome.ok:
        _set(engine, where, status=APPROVED, reviewer=account.email, reviewed_at=_now(),
             batch_id=outcome.result.batch_id)
    else:   # the store changed since it was checked (a code removed): it waits, with today's report
        _set(engine, where, status=PENDING)
    return outcome


def _set(engine: Engine, where, **values) -> None:
    with engine.begin() as conn:
        conn.execute(submissions.update().where(where).values(**values))


def send_back(engine: Engine, account: Account, submission_id: int, comment: str) -> None:
    """Return a submission to its contributor with a comment saying what to correct."""
    require(account, "review")
    comment = (comment or "").strip()
    if not comment:
        raise StoreError("Say what to correct: a comment is needed.", key="submission_comment_needed")
    sub = get(engine, account, submission_id)
    _pending(sub)
    with engine.begin() as conn:
        conn.execute(submissions.update().where(submissions.c.submission_id == sub["submission_id"])
                     .values(status=RETURNED, comment=comment[:5000], reviewer=account.email, reviewed_at=_now()))
