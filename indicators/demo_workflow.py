"""The demo's governance: partner accounts and a few submissions, so that a first visitor sees the
review queue at work. Built from the demo's own latest values (next year's figures, a few percent on),
by single sign-on accounts without passwords: nobody can sign in as them on a deployment."""
from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Engine

from . import accounts as A
from . import partners as P
from . import submissions as S
from .i18n import number
from .queries import load_framework, load_observations

# (partner, contributor e-mail, how many of its indicators, return comment or None)
DEMO_SUBMISSIONS = (
    ("PROV_WVL", "data@demo.west-vlaanderen.be", 2, None),
    ("EUROMETROPOLE", "observatoire@demo.eurometropolis.eu", 1, None),
    ("MEL", "donnees@demo.lillemetropole.fr", 1,
     "Les valeurs sont provisoires : ajoutez le flag p et renvoyez le fichier."),
)


def _file(observations: pd.DataFrame, indicators: pd.DataFrame, ids: tuple[str, ...]) -> bytes:
    """Next year's values for `ids`, as French Excel writes them (`;`, decimal comma, Windows-1252)."""
    lines = ["indicateur;territoire;période;valeur"]
    decimals = indicators.set_index("indicator_id")["decimals"]
    for iid in ids:
        mine = observations[(observations["indicator_id"] == iid) & observations["value"].notna()]
        if mine.empty:
            continue
        latest = mine[mine["period"] == mine["period"].max()]
        period = str(int(str(latest["period"].iloc[0])[:4]) + 1)
        dec = int(decimals.get(iid)) if pd.notna(decimals.get(iid)) else 0
        for r in latest.head(3).to_dict("records"):
            value = number(float(r["value"]) * 1.03, "fr", dec).replace("\u202f", "").replace("\xa0", "")
            lines.append(f"{iid};{r['territory_id']};{period};{value}")
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def seed(engine: Engine) -> list[int]:
    """Create the demo's partner accounts and submissions (pending, one returned); their ids."""
    fw = load_framework(engine)
    known = set(fw["partners"]["partner_id"])
    observations = load_observations(engine)
    editor = A.add_account(engine, A.OPERATOR, "coordination@demo.lillemetropole.fr", "editor", name="Coordination")
    made = []
    ind = fw["indicators"]
    for partner, email, how_many, comment in DEMO_SUBMISSIONS:
        with_values = set(observations["indicator_id"])
        ids = tuple(i for i, owner in zip(ind["indicator_id"], ind["owner"])
                    if partner in P.codes(owner) and i in with_values)[:how_many]
        if partner not in known or not ids:
            continue
        account = A.add_account(engine, A.OPERATOR, email, "contributor", partner)
        sent = S.submit(engine, account, f"{partner.lower()}_{'_'.join(ids).lower()}.csv",
                        _file(observations, fw["indicators"], ids))
        if sent.submission_id is None:
            continue
        if comment:
            S.send_back(engine, editor, sent.submission_id, comment)
        made.append(sent.submission_id)
    return made
