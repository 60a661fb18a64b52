"""The command line of people and rights: accounts, a partner's submission, its review; the engine
refuses a contributor's approval there too, in the language asked."""
from __future__ import annotations

import json
import subprocess
import sys

from indicators.queries import load_observations
from indicators.store import open_store

from .conftest import ROOT


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "indicators", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, input=stdin)


def test_account_submit_and_review_from_the_command_line(demo_url, tmp_path):
    db = ["--db", demo_url]
    done = cli("account", "add", "data@west-vlaanderen.be", "--role", "contributor", "--partner", "PROV_WVL",
               "--password-stdin", *db, "--lang", "nl", stdin="geheim-wachtwoord\n")
    assert done.returncode == 0, done.stderr
    assert "bijdrager" in done.stdout and "PROV_WVL" in done.stdout
    assert cli("account", "add", "editor@mel.fr", "--role", "editor", *db).returncode == 0
    unknown = cli("account", "add", "x@mel.fr", "--role", "contributor", "--partner", "NOPE", *db, "--lang", "fr")
    assert unknown.returncode == 1 and "NOPE" in unknown.stderr
    listed = json.loads(cli("account", "list", *db, "--format", "json").stdout)
    assert {"email": "data@west-vlaanderen.be", "role": "contributor", "partner_id": "PROV_WVL", "sign_in": "local"}.items() \
        <= next(a for a in listed if a["email"] == "data@west-vlaanderen.be").items()

    engine = open_store(demo_url)
    obs = load_observations(engine)
    mine = obs[obs["indicator_id"] == "ECO08"]
    period = str(int(mine["period"].max()) + 1)
    path = tmp_path / "wvl.csv"
    path.write_bytes(f"indicateur;territoire;période;valeur\r\nECO08;{mine['territory_id'].iloc[0]};{period};"
                     f"1 234,5\r\n".encode("cp1252"))
    sent = cli("submit", str(path), "--as", "data@west-vlaanderen.be", *db)
    assert sent.returncode == 0, sent.stderr
    submission = sent.stdout.strip().splitlines()[-1].split()[1]

    refused = cli("review", "approve", submission, "--as", "data@west-vlaanderen.be", *db, "--lang", "fr")
    assert refused.returncode == 1 and refused.stderr.startswith("Refusé")
    stranger = cli("review", "approve", submission, "--as", "nobody@example.org", *db)
    assert stranger.returncode == 1 and "nobody@example.org" in stranger.stderr
    assert len(load_observations(engine)) == len(obs)
    no_rollback = cli("rollback", "1", "--as", "data@west-vlaanderen.be", *db, "--lang", "nl")
    assert no_rollback.returncode == 1 and no_rollback.stderr.startswith("Geweigerd")

    approved = cli("review", "approve", submission, "--as", "editor@mel.fr", *db)
    assert approved.returncode == 0, approved.stderr
    history = cli("history", *db).stdout
    assert "data@west-vlaanderen.be (reviewed by editor@mel.fr)" in history
    after = load_observations(engine)
    assert after[(after["indicator_id"] == "ECO08") & (after["period"] == period)]["value"].tolist() == [1234.5]


def test_a_contributor_is_refused_in_words_at_the_command_line_and_sees_only_its_partners_drafts(demo_url, tmp_path):
    """Another partner's indicator, a return of another partner's draft: each refused with a clear message, nothing
    kept; `review list` shows the contributor its own partner's submissions only."""
    from indicators import accounts as A
    from indicators import submissions as S

    db = ["--db", demo_url]
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, "data@west-vlaanderen.be", "contributor", "PROV_WVL")
    queue = S.listing(engine, A.OPERATOR)
    path = tmp_path / "mel.csv"
    path.write_bytes("indicateur;territoire;période;valeur\r\nMOB04;59350;2026;3\r\n".encode("cp1252"))
    foreign = cli("submit", str(path), "--as", "data@west-vlaanderen.be", *db, "--lang", "fr")
    assert foreign.returncode == 1 and foreign.stderr.startswith("Refusé") and "MOB04" in foreign.stderr
    assert S.listing(engine, A.OPERATOR) == queue
    theirs = next(s for s in queue if s["partner_id"] != "PROV_WVL")["submission_id"]
    back = cli("review", "return", str(theirs), "--comment", "non", "--as", "data@west-vlaanderen.be", *db,
               "--lang", "en")
    assert back.returncode == 1 and back.stderr.startswith("Refused")
    listed = cli("review", "list", "--as", "data@west-vlaanderen.be", *db).stdout.splitlines()
    assert listed and all(line.split("\t")[4] == "PROV_WVL" for line in listed)
    assert S.listing(engine, A.OPERATOR) == queue and len(load_observations(engine)) == len(load_observations(
        open_store(demo_url)))
