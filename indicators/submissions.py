"""Submissions: a contributor sends a file, an editor reviews it.

A file is validated at once with the import's own checks (indicators/importing.py), so the
contributor sees the report an editor would see. Only a file without blocking problems is kept:
it waits in the review queue with its bytes. The editor sees the dry-run of its import, then approves
it (imported as one batch whose user names the contributor and the reviewer) or returns it with a
comment the contributor reads before sending a corrected file. A correction replaces the returned
submission's rows it holds (same key) and carries the others: approving it imports them with it, and the
contributor (when sending) and the reviewer are told which (`carried_rows`). Nothing is deleted: every submission,
return and approval stays in the `submissions` table.

A contributor submits only observations and flows (origin -> destination) of the indicators its partner
owns and progress updates of the actions it leads; it sees only its own partner's submissions. Rights are
checked here (accounts.require), whatever the caller: one row of another partner's refuses the whole file.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from . import limits
from .accounts import Account, Refused, require
from .accounts import accounts as account_rows
from .accounts import ensure as ensure_accounts
from .importing import Outcome, import_files, validate_files
from .partners import codes
from .problems import errors
from .schema import TABLES
from .store import SQL_TABLES, StoreError, _now, batches
from .validation import Checked

PENDING, RETURNED, APPROVED, SUPERSEDED = "pending", "returned", "approved", "superseded"
ROLLED_BACK = "rolled_back"   # not stored: an approved submission whose import batch was rolled back (`state`)
REVIEWED_BY = " (reviewed by "   # an approved submission's batch user: CONTRIBUTOR (reviewed by REVIEWER)
APPROVING = "approving"   # claimed by an editor while its import runs
# What a partner may send; the framework stays with editors.
CONTRIBUTOR_TABLES = ("observations", "flows", "action_updates")
# The column of each kind that says whose a row is: an indicator its partner owns, an action it leads.
SCOPE_COLUMNS = {"observations": "indicator_id", "flows": "indicator_id", "action_updates": "action_id"}

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
class Carried:
    """The rows of a returned submission that its correction does not hold (no row of the same key): they
    go with the correction, imported with it on approval. `rows`: the first CARRIED_SHOWN, as their key
    codes (`ECO08 · BE251 · 2026`); `total`: how many in all."""
    replaces: int
    total: int
    rows: list[str]


def carried_words(carried: Carried, lang: str, shown=str) -> str:
    """What a correction carries, in words (the page and the command line say the same); `shown` writes a
    row's codes as the surface needs (the page escapes Markdown)."""
    from .i18n import number, t

    rows = "; ".join(shown(r) for r in carried.rows)
    if carried.total > len(carried.rows):
        rows += " " + t("correction_carried_more", lang, more=number(carried.total - len(carried.rows), lang, 0))
    return t("correction_carried", lang, n=carried.total, id=carried.replaces, rows=rows)


@dataclass
class Submitted:
    checked: Checked
    submission_id: int | None     # None: not kept (blocking problems)
    carried: Carried | None = None   # a correction: the returned submission's rows it carries


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
    """A contributor's file holds only observations and flows of the indicators its partner owns and
    updates of the actions it leads; otherwise the whole file is refused, naming the first such row (file,
    row, column as written, value) and every such code."""
    if account.role != "contributor" and not account.partner_id:
        return   # an editor or admin of no partner sends anything; another editor reviews it (four eyes)
    kinds = sorted({str(k) for k in checked.tables} - set(CONTRIBUTOR_TABLES))
    if kinds and account.role == "contributor":   # an editor of a partner: its own rows, of any table
        raise Refused(f"A contributor submits observations, flows and action updates only, not {', '.join(kinds)}.",
                      key="refused_submit_tables", tables=tuple(kinds))   # named in the reader's language
    with engine.connect() as conn:
        allowed = {"indicator_id": _owned(conn, account.partner_id), "action_id": _led(conn, account.partner_id)}
    foreign: set[str] = set()
    first = None
    for name, column in SCOPE_COLUMNS.items():
        frame = checked.tables.get(name)
        if frame is None or column not in frame.columns:
            continue
        codes_sent = [None if _key_text(v) == "" else str(v) for v in frame[column]]
        outside = [i for i, code in enumerate(codes_sent) if code is not None and code not in allowed[column]]
        foreign |= {codes_sent[i] for i in outside}
        if outside and first is None:
            first = (frame, outside[0], column)
    _check_signed_partner(account, checked)
    if foreign:
        ids = sorted(foreign)
        frame, at, column = first
        file = str(frame["_file"].iat[at]) if "_file" in frame.columns else ""
        row = int(frame["_row"].iat[at]) if "_row" in frame.columns else at + 2
        written = checked.headers.get(file, {}).get(column, column)
        value = str(frame[column].iat[at])
        raise Refused(f"Indicators or actions not {account.partner_id}'s: {', '.join(ids[:10])} (first: {file}, row "
                      f"{row}, column {written}: {value}); nothing was kept.",
                      key="refused_submit_foreign", partner=account.partner_id or "–",
                      ids=", ".join(ids[:10]) + (" …" if len(ids) > 10 else ""), file=file[:200], row=row,
                      column=str(written)[:100], value=value[:100])


def _check_signed_partner(account: Account, checked: Checked) -> None:
    """A progress update names the partner that wrote it: a contributor signs only as its own partner
    (an empty cell is theirs)."""
    frame = checked.tables.get("action_updates")
    if frame is None or "partner_id" not in frame.columns:
        return
    others = sorted({str(p) for p in frame["partner_id"].dropna() if str(p).strip()} - {account.partner_id or ""})
    if others:
        raise Refused(f"Action updates signed by another partner than {account.partner_id}: {', '.join(others[:10])}.",
                      key="refused_submit_signed", partner=account.partner_id or "–",
                      ids=", ".join(others[:10]) + (" …" if len(others) > 10 else ""))


def submit(engine: Engine, account: Account, file_name: str, content: bytes,
           replaces: int | None = None) -> Submitted:
    """Validate a file and, when nothing blocks it, keep it for review. `replaces`: the returned
    submission it corrects (then marked superseded); one that another correction superseded already (a
    second tab, a second person of the partner) is refused, naming that correction."""
    require(account, "submit")
    limits.check("MAX_SUBMISSION_BYTES", len(content))
    ensure(engine)
    if replaces is not None:
        _correctable(engine, get(engine, account, replaces))
    checked = validate_files(engine, [(file_name, content)])
    # a file of "no value" rows only (the list of what is due sent back unfilled) brings nothing to review
    if errors(checked.problems) or not any(len(frame) for frame in checked.tables.values()):
        return Submitted(checked, None)
    _check_scope(engine, account, checked)
    carried = carried_rows(engine, account, replaces, checked) if replaces is not None else None
    rows = sum(len(frame) for frame in checked.tables.values())
    try:
        with engine.begin() as conn:
            new_id = conn.execute(submissions.insert().values(
                created_at=_now(), contributor=account.email, partner_id=account.partner_id,
                file_name=file_name[:255], sha256=hashlib.sha256(content).hexdigest(), content=content, rows=rows,
                status=PENDING, replaces=replaces)).inserted_primary_key[0]
            if replaces is not None and conn.execute(
                    submissions.update().where(submissions.c.submission_id == replaces)
                    .where(submissions.c.status == RETURNED).values(status=SUPERSEDED)).rowcount != 1:
                raise _Corrected   # corrected meanwhile (another tab): this one is not kept either
    except _Corrected:
        _correctable(engine, get(engine, account, replaces))
        raise StoreError(f"Submission {replaces} was corrected meanwhile.", key="submission_not_returned",
                         id=replaces) from None
    return Submitted(checked, int(new_id), carried)


class _Corrected(Exception):
    """Inside submit's transaction: the returned submission was corrected meanwhile (rolls the insert back)."""


def _correctable(engine: Engine, previous: dict) -> None:
    """Only a returned submission is corrected, once: a second correction of it is refused."""
    if previous["status"] == RETURNED:
        return
    if previous["status"] == SUPERSEDED:
        with engine.connect() as conn:
            by = conn.execute(sa.select(sa.func.max(submissions.c.submission_id))
                              .where(submissions.c.replaces == previous["submission_id"])).scalar()
        raise StoreError(f"Submission {previous['submission_id']} was already corrected by submission {by}; "
                         "nothing was kept.", key="submission_already_corrected", id=previous["submission_id"],
                         by=by)
    raise StoreError(f"Submission {previous['submission_id']} is {previous['status']}: only a returned one is "
                     "corrected.", key="submission_not_returned", id=previous["submission_id"])


def _visible(account: Account):
    """The rows an account may see: editors all, a contributor its own partner's, a viewer none."""
    if account.role in ("editor", "admin"):
        return sa.true()
    if account.role == "contributor" and account.partner_id:
        return submissions.c.partner_id == account.partner_id
    return sa.false()


def listing(engine: Engine, account: Account, status: str | None = None) -> list[dict]:
    """The submissions the account may see, newest first, without their bytes; an approved one whose
    import batch was rolled back since says when and by whom (`rolled_back_at`, `rolled_back_by`);
    `contributor_gone`: its contributor has no account any more (approving it stays possible)."""
    ensure(engine)
    ensure_accounts(engine)
    cols = [c for c in submissions.c if c.name != "content"]
    query = (sa.select(*cols, batches.c.rolled_back_at, batches.c.rolled_back_by,
                       account_rows.c.email.label("_account"))
             .select_from(submissions.outerjoin(batches, batches.c.batch_id == submissions.c.batch_id)
                          .outerjoin(account_rows, account_rows.c.email == sa.func.lower(submissions.c.contributor)))
             .where(_visible(account)).order_by(submissions.c.submission_id.desc()))
    if status:
        query = query.where(submissions.c.status == status)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
    for row in rows:
        row["contributor_gone"] = row.pop("_account") is None
    return rows


def state(sub: dict) -> str:
    """Where a submission stands: its status, or ROLLED_BACK when it was approved and its import batch
    was rolled back since (its values are no longer in the store)."""
    return ROLLED_BACK if sub["status"] == APPROVED and sub.get("rolled_back_at") else sub["status"]


def resting_on(engine: Engine, batch_id: int) -> list[dict]:
    """The approved submissions imported after batch `batch_id` (their own batches not rolled back) that
    sent values the store still holds from that batch (their import found them unchanged), newest first:
    rolling the batch back would take those values off the dashboard while the submissions read
    "approved", and their contributors would not be told (store.rollback refuses it, naming them)."""
    if not sa.inspect(engine).has_table("submissions"):   # a store nobody submitted to: nothing created here
        return []
    query = (sa.select(submissions.c.submission_id, submissions.c.contributor, submissions.c.batch_id,
                       submissions.c.file_name, submissions.c.content, submissions.c.replaces)
             .join(batches, batches.c.batch_id == submissions.c.batch_id)
             .where(submissions.c.status == APPROVED, submissions.c.batch_id > int(batch_id),
                    batches.c.status == "active", batches.c.unchanged > 0)
             .order_by(submissions.c.batch_id.desc(), submissions.c.submission_id.desc()))
    with engine.connect() as conn:
        later = [dict(r._mapping) for r in conn.execute(query)]
    return [{k: v for k, v in sub.items() if k not in ("content", "replaces")} for sub in later if _rests_on(engine, sub, int(batch_id))]


def _rests_on(engine: Engine, sub: dict, batch_id: int) -> bool:
    """Whether one of the submission's rows has a key whose stored row is still batch `batch_id`'s."""
    checked = validate_files(engine, _sources(engine, sub))
    with engine.connect() as conn:
        for name, frame in checked.tables.items():
            key = list(TABLES[name].key) if name in SQL_TABLES else []
            if not key or not len(frame) or any(k not in frame for k in key):
                continue
            sql_table = SQL_TABLES[name]
            for start in range(0, len(frame), ADDED_STEP):
                chunk = frame.iloc[start:start + ADDED_STEP]
                query = sa.select(*[sql_table.c[k] for k in key]).where(sql_table.c.batch_id == batch_id)
                for k in key:   # a superset of the chunk's keys, compared exactly below
                    query = query.where(sql_table.c[k].in_(sorted({_key_text(v) for v in chunk[k]})))
                held = {tuple(_key_text(v) for v in row) for row in conn.execute(query)}
                if held and any(tuple(_key_text(v) for v in row) in held for row in chunk[key].itertuples(index=False)):
                    return True
    return False


def batch_user(user: str | None, lang: str) -> str:
    """The user a batch records, in the reader's language: an approved submission's batch records
    `CONTRIBUTOR (reviewed by REVIEWER)` (stores of every version), shown "(relu par …)" in French; any
    other user as it was recorded."""
    from .i18n import t

    text = "" if user is None else str(user)
    contributor, mark, reviewer = text.rpartition(REVIEWED_BY)
    if not mark or not contributor or not reviewer.endswith(")") or len(reviewer) < 2:
        return text
    return t("batch_user_reviewed", lang, contributor=contributor, reviewer=reviewer[:-1])


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
    """The dry run of the submission's import against today's store (editors): a correction's with the
    rows of the returned submission it carries (`carried`)."""
    require(account, "review")
    sub = get(engine, account, submission_id)
    return import_files(engine, _sources(engine, sub), dry_run=True)


# ---------------------------------------------------------------- a correction carries what it does not replace

CARRIED_SHOWN = 10   # rows of the returned submission named in the words about what a correction carries


def _sources(engine: Engine, sub: dict) -> list[tuple[str, bytes]]:
    """What approving a submission imports: its file, and for a correction the rows of the returned
    submission it does not hold, as one CSV per kind of data in the import format, named after the
    returned file and its number (the report and the review name them so)."""
    own = [(sub["file_name"], bytes(sub["content"]))]
    if sub.get("replaces") is None:
        return own
    previous = _returned(engine, sub["replaces"])
    if previous is None:
        return own
    kept = _carried_frames(engine, previous, validate_files(engine, own))
    from .exporting import to_csv_bytes

    return own + [(f"{previous['file_name']} (#{previous['submission_id']}, {name}).csv",
                   to_csv_bytes(frame)) for name, frame in kept.items()]


def _returned(engine: Engine, submission_id: int) -> dict | None:
    with engine.connect() as conn:
        row = conn.execute(sa.select(submissions).where(submissions.c.submission_id == int(submission_id))).first()
    return dict(row._mapping) if row is not None else None


def _carried_frames(engine: Engine, previous: dict, correction: Checked) -> dict[str, pd.DataFrame]:
    """Kind of data -> the returned submission's rows whose key the correction does not hold (the
    import's columns only, in the returned file's order)."""
    # the returned submission as its approval would have imported it: a correction returned in turn
    # holds the rows it carried too
    before = validate_files(engine, _sources(engine, previous))
    out = {}
    for name, frame in before.tables.items():
        if name not in TABLES or not len(frame):
            continue
        spec = TABLES[name]
        key = [k for k in spec.key if k in frame.columns]
        if not key:
            continue
        new = correction.tables.get(name)
        held = set() if new is None or any(k not in new.columns for k in key) else \
            {tuple(_key_text(v) for v in row) for row in new[key].itertuples(index=False)}
        left = [tuple(_key_text(v) for v in row) not in held for row in frame[key].itertuples(index=False)]
        rest = frame.loc[left, [c for c in spec.names if c in frame.columns]]
        if len(rest):
            out[name] = rest.reset_index(drop=True)
    return out


def carried_rows(engine: Engine, account: Account, submission_id: int, correction: Checked | None = None,
                 ) -> Carried | None:
    """What a correction carries of the returned submission `submission_id` (None: nothing, or not a
    correction). `correction`: the correction's checked file; without it, `submission_id` is the
    correction's own number (its reviewer asks)."""
    if correction is None:
        sub = get(engine, account, submission_id)
        if sub.get("replaces") is None:
            return None
        submission_id = sub["replaces"]
        correction = validate_files(engine, [(sub["file_name"], bytes(sub["content"]))])
    previous = _returned(engine, submission_id)
    if previous is None:
        return None
    kept = _carried_frames(engine, previous, correction)
    total = sum(len(f) for f in kept.values())
    if not total:
        return None
    shown = []
    for name, frame in kept.items():
        key = list(TABLES[name].key)
        for row in frame[key].head(CARRIED_SHOWN - len(shown)).itertuples(index=False):
            shown.append(" · ".join(_key_text(v) for v in row))
    return Carried(int(submission_id), total, shown)


class NotPending(StoreError):
    """Approving or returning a submission that is no longer pending (another tab, another editor dealt
    with it): nothing was changed; the message says where it stands, in the reader's language."""

    def text(self, lang: str) -> str:
        from .i18n import TEXTS, t

        where = f"submission_{self.params.get('state')}"
        return t(self.key, lang, id=self.params["id"], state=f" ({t(where, lang)})" if where in TEXTS else "")


def _pending(sub: dict) -> None:
    if sub["status"] != PENDING:
        raise NotPending(f"Submission {sub['submission_id']} is {sub['status']}, not pending.",
                         key="submission_not_pending", id=sub["submission_id"], state=sub["status"])


def _not_own(account: Account, sub: dict) -> None:
    """Four eyes: nobody approves or returns their own submission (an editor's or an admin's waits for
    another editor)."""
    if str(sub["contributor"] or "").strip().lower() == (account.email or "").strip().lower():
        raise Refused(f"Submission {sub['submission_id']} is yours: another editor reviews it; nothing was changed.",
                      key="refused_review_own", id=sub["submission_id"])


def approve(engine: Engine, account: Account, submission_id: int) -> Outcome:
    """Import the submission as one batch naming the contributor and the reviewer (never the same
    person: _not_own)."""
    require(account, "review")
    sub = get(engine, account, submission_id)
    _not_own(account, sub)
    _pending(sub)
    where = (submissions.c.submission_id == sub["submission_id"])
    with engine.begin() as conn:   # claim it first: two editors approving at once import it once
        if conn.execute(submissions.update().where(where).where(submissions.c.status == PENDING)
                        .values(status=APPROVING)).rowcount != 1:
            raise NotPending(f"Submission {sub['submission_id']} was already dealt with.",
                             key="submission_not_pending", id=sub["submission_id"])
    user = f"{sub['contributor']}{REVIEWED_BY}{account.email})"   # one form in every store: batch_user reads it
    try:
        outcome = import_files(engine, _sources(engine, sub), user=user)
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
    sub = get(engine, account, submission_id)
    _not_own(account, sub)
    _pending(sub)   # dealt with elsewhere: said first, whatever the comment
    comment = (comment or "").strip()
    if not comment:
        raise StoreError("Say what to correct: a comment is needed.", key="submission_comment_needed")
    with engine.begin() as conn:   # still pending when written: two editors at once return it once
        if conn.execute(submissions.update().where(submissions.c.submission_id == sub["submission_id"])
                        .where(submissions.c.status == PENDING)
                        .values(status=RETURNED, comment=comment[:5000], reviewer=account.email,
                                reviewed_at=_now())).rowcount != 1:
            raise NotPending(f"Submission {sub['submission_id']} was already dealt with.",
                             key="submission_not_pending", id=sub["submission_id"])


# ---------------------------------------------------------------- what the reviewer approves

SHOWN_ROWS = 200   # rows of a submission listed for its reviewer; a larger one says how many more there are


@dataclass
class ToApprove:
    """What approving a submission would write to one table: the first rows it changes (with their
    `<column>_old`) and adds (`change` says which), and how many rows it adds or changes in all."""
    table: str
    rows: pd.DataFrame
    total: int


def to_approve(engine: Engine, outcome: Outcome, limit: int | None = None) -> list[ToApprove]:
    """The rows a submission's dry run (`preview`) would change and add, table by table, at most `limit`
    (SHOWN_ROWS) of each table. The dry run keeps the changed rows with their old values (ImportResult.changes) but
    only counts the added ones: those are the file's rows whose key the store does not hold, looked up
    here until `limit` are found."""
    result = outcome.result
    if result is None:
        return []
    limit = limit or SHOWN_ROWS
    out = []
    for name, counts in result.counts.items():   # in the import's order of tables
        n_added, n_updated = counts.get("added", 0), counts.get("updated", 0)
        if not n_added and not n_updated:
            continue
        parts = []
        changed = result.changes.get(name)
        if changed is not None and len(changed):
            parts.append(changed.head(limit).assign(change="updated"))
        room = min(limit - sum(len(p) for p in parts), n_added)
        if room > 0 and name in outcome.checked.tables:
            parts.append(_added(engine, name, outcome.checked.tables[name], room).assign(change="added"))
        rows = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["change"])
        out.append(ToApprove(name, rows, n_added + n_updated))
    return out


ADDED_STEP = 300   # file rows looked up at a time: three key columns of 300 codes stay under SQLite's 999 parameters


def _added(engine: Engine, name: str, incoming: pd.DataFrame, wanted: int) -> pd.DataFrame:
    """The first `wanted` rows of `incoming` whose key the store does not hold, in the file's order."""
    spec = TABLES[name]
    key = list(spec.key)
    sql_table = SQL_TABLES[name]
    columns = [c for c in spec.names if c in incoming]
    found = []
    with engine.connect() as conn:
        for start in range(0, len(incoming), ADDED_STEP):
            chunk = incoming.iloc[start:start + ADDED_STEP]
            query = sa.select(*[sql_table.c[k] for k in key])
            for k in key:   # a superset of the chunk's keys, compared exactly below
                query = query.where(sql_table.c[k].in_(sorted({_key_text(v) for v in chunk[k]})))
            stored = {tuple(_key_text(v) for v in row) for row in conn.execute(query)}
            new = [tuple(_key_text(v) for v in row) not in stored for row in chunk[key].itertuples(index=False)]
            found.append(chunk.loc[new, columns])
            if sum(len(f) for f in found) >= wanted:
                break
    return pd.concat(found, ignore_index=True).head(wanted) if found else incoming.iloc[:0][columns]


def _key_text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def readable_to_approve(item: ToApprove, framework: dict, lang: str) -> pd.DataFrame:
    """One row per row to change or add, in a planner's words: the change, each code with its name, the
    period, the value in the page's number format with the indicator's unit, the flag in words; a
    changed cell reads `old → new`. Only the columns the rows fill."""
    from .changes import NAMED, is_missing, code_names, cell_text, flag_words
    from .i18n import TEXTS, t, with_unit
    from .units import unit_of

    spec = TABLES[item.table]
    key = list(spec.key)
    rows = item.rows.to_dict("records")
    data = [c for c in spec.names if c not in key
            and any(not is_missing(r.get(c)) or not is_missing(r.get(f"{c}_old")) for r in rows)]
    names = {c: code_names(framework, c, lang) for c in key if c in NAMED}
    indicators = framework.get("indicators")
    units = ({str(r["indicator_id"]): unit_of(r, lang) for r in indicators.to_dict("records")}
             if "indicator_id" in key and indicators is not None and not indicators.empty else {})
    labels = {c: _label(spec, c, lang) for c in key + data}

    def shown(column: str, value, record: dict) -> str:
        if is_missing(value):
            return "–"
        if column == "flag":
            return flag_words(value, lang)
        if column == "implementation" and f"impl_{value}" in TEXTS:   # an action's state in words
            return t(f"impl_{value}", lang)
        text = cell_text(column, value, lang)
        return with_unit(text, units.get(str(record.get("indicator_id"))), lang) if column == "value" else text

    out = []
    for record in rows:
        row = {t("review_change", lang): t(f"review_row_{record['change']}", lang)}
        for c in key:
            code = _key_text(record.get(c))
            name = names.get(c, {}).get(code)
            row[labels[c]] = f"{code} · {name}" if name else code
        for c in data:
            new = shown(c, record.get(c), record)
            old = shown(c, record.get(f"{c}_old"), record) if record["change"] == "updated" else new
            row[labels[c]] = new if old == new else f"{old} → {new}"
        out.append(row)
    return pd.DataFrame(out, columns=[t("review_change", lang)] + [labels[c] for c in key + data])


def _label(spec, column: str, lang: str) -> str:
    """A column's header: the product's word for it, else the schema's short description of it."""
    from .changes import column_label

    label = column_label(column, lang)
    if label != column:
        return label
    help_text = next((getattr(c, f"help_{lang}") for c in spec.columns if c.name == column), None)
    return help_text if help_text and len(help_text) <= 40 else column
