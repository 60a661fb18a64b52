"""Shared fixtures: a real SQLite file and a real PostgreSQL server (Debian's package).

The PostgreSQL server is started once per test session on a free loopback port,
in a throw-away data directory; every test that asks for `store_url` runs once
against each backend, with a fresh database.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

from .fixtures_dir import fixtures_dir

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = fixtures_dir()
DEMO = ROOT / "data" / "demo"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.fail("PostgreSQL is not installed: run the README's test command (make test), which installs it.")
    return Path(found[-1]).parent


@pytest.fixture(scope="session")
def postgres_server():
    """(host, port) of a PostgreSQL server running for this test session."""
    bindir = _pg_bin()
    data = Path(tempfile.mkdtemp(prefix="cbm-pg-"))
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:
        shutil.chown(data, "postgres", "postgres")
    port = _free_port()
    subprocess.run(prefix + [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                             "--no-sync", "-E", "UTF8"], check=True, capture_output=True)
    log = data / "server.log"
    subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o",
                             f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off "
                             "-c synchronous_commit=off -c full_page_writes=off", "start"],
                   check=True, capture_output=True)
    try:
        yield {"host": "127.0.0.1", "port": port, "bindir": bindir, "data": data, "prefix": prefix}
    finally:
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(data, ignore_errors=True)


def new_pg_database(server) -> str:
    import sqlalchemy as sa

    name = "t_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(f"postgresql+psycopg://postgres@{server['host']}:{server['port']}/postgres",
                             isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return f"postgresql+psycopg://postgres@{server['host']}:{server['port']}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A URL to an empty store, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    return new_pg_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def store_url_pg(postgres_server):
    """A fresh database on the session's PostgreSQL server."""
    return new_pg_database(postgres_server)


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


@pytest.fixture
def demo_files():
    files = sorted(DEMO.glob("*.csv"))
    assert files, "data/demo holds no CSV"
    return files


@pytest.fixture(autouse=True)
def _no_default_store(monkeypatch, tmp_path):
    # Tests never touch the developer's own store.
    monkeypatch.setenv("INDICATORS_DB_URL", f"sqlite:///{tmp_path / 'default.sqlite'}")


@pytest.fixture(scope="session")
def demo_store_file(tmp_path_factory):
    """A SQLite store holding the demo, built once per session (tests copy it)."""
    from indicators.store import load_demo, open_store

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    engine = open_store(f"sqlite:///{path}")
    load_demo(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def demo_tables(demo_store_file):
    """The demo as the pages load it (framework, observations, flows, as_of), read once per session.
    Tests that change a table change their own copy of it."""
    from indicators.queries import latest_batch_time, load_flows, load_framework, load_observations
    from indicators.store import open_store

    engine = open_store(f"sqlite:///{demo_store_file}")
    try:
        return {"framework": load_framework(engine), "observations": load_observations(engine),
                "flows": load_flows(engine), "as_of": latest_batch_time(engine)}
    finally:
        engine.dispose()


def copy_of_demo(demo_store_file: Path, folder: Path) -> str:
    """The URL of a copy of the session's demo store in `folder` (copying the file is much faster than
    loading the demo again)."""
    path = folder / "demo.sqlite"
    shutil.copy(demo_store_file, path)
    return f"sqlite:///{path}"


@pytest.fixture
def demo(demo_store_file, tmp_path):
    """The engine of this test's own copy of the demo store: the test may write to it."""
    from indicators.store import open_store

    engine = open_store(copy_of_demo(demo_store_file, tmp_path))
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def demo_module_url(demo_store_file, tmp_path_factory):
    """The URL of a copy of the demo store shared by the tests of one module, which only read it."""
    return copy_of_demo(demo_store_file, tmp_path_factory.mktemp("demo-module"))


@pytest.fixture(scope="module")
def demo_read_only(demo_store_file):
    """The engine of the session's demo store itself, for a module whose tests only read the store
    (to check files against the codes it knows): never write through it."""
    from indicators.store import open_store

    engine = open_store(f"sqlite:///{demo_store_file}")
    yield engine
    engine.dispose()


@pytest.fixture
def demo_url(demo_store_file, tmp_path, monkeypatch):
    """The app's store for this test: a fresh copy of the demo store."""
    path = tmp_path / "app.sqlite"
    shutil.copy(demo_store_file, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("INDICATORS_DB_URL", url)
    return url


def switch_page(at, path: str):
    """`AppTest.switch_page` for this app's pages: st.navigation runs each page module's `main`, and
    AppTest switches only to pages given as files. st.Page names a page by the hash of its url path,
    the module's name (`pages/explorer.py` -> `explorer`)."""
    from streamlit.util import calc_hash

    from pages.common import HOME_PATH

    stem = Path(path).stem
    page_hash = calc_hash(HOME_PATH if stem == "overview" else stem)
    assert page_hash in at._registered_pages, f"no page {path!r} in the navigation (run the app first)"
    at._page_hash = page_hash
    return at


def open_page(page: str, query: dict | None = None, locale: str = "fr-FR"):
    """An AppTest of app.py opened on the URL's `query` in `locale`, switched to `page` (a file under
    pages/), both runs without an exception and the page without an error box."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.context = {"locale": locale, "timezone": "Europe/Paris"}
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    switch_page(at, page).run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


@pytest.fixture(autouse=True)
def _navigation_as_on_a_running_server(monkeypatch):
    """AppTest forgets before every run that the app uses st.navigation, and treats the `pages/` folder
    as Streamlit's legacy navigation again: it runs a page's file by itself, whose guard then reruns
    through app.py, losing a button's click. A running server learns it once, at its first run
    (pages/common.py: `run_through_shell`). Tests run as on a server past its first run."""
    from streamlit.runtime.pages_manager import PagesManager

    init = PagesManager.__init__

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", __init__)
