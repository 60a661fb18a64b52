"""Load benchmark: N simulated users browsing the dashboard in headless Chromium.

Two setups: one replica on SQLite, and two replicas on one PostgreSQL server
(users alternate between the replicas, as behind a sticky load balancer).
Each user opens the Overview, changes the theme filter, then opens the
Strategic actions and the Indicator explorer pages; every step is timed from
the request until the app reports its script finished. Prints p50 and p95
page times and the errors for N = 1, 10, 30 (change with --users).

    python bench/load.py [--users 1 10 30] [--setups sqlite postgresql]

Needs Debian's chromium and postgresql packages (`make test` installs them).
"""
from __future__ import annotations

import argparse
import asyncio
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
STEPS = ["/?lang=fr", "/?lang=fr&theme=mobility", "/actions?lang=fr&theme=mobility",
         "/explorer?lang=fr&indicator=MOB04"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(db_url: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                             "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--server.fileWatcherType", "none"], cwd=ROOT,
                            env={**os.environ, "INDICATORS_DB_URL": db_url},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("streamlit did not start")


def start_postgres(folder: Path) -> tuple[list[str], Path, int]:
    bindir = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))[-1]).parent
    data = folder / "pg"
    data.mkdir()
    prefix = []
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
        os.chmod(folder, 0o755)
        prefix = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    subprocess.run(prefix + [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"],
                   check=True, capture_output=True)
    subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(data / "log"), "-w", "-o",
                             f"-p {port} -k {data} -c listen_addresses=127.0.0.1", "start"], check=True,
                   capture_output=True)
    return prefix, bindir, port


async def user(browser, urls: list[str], index: int, times: list[float], errors: list[str]) -> None:
    base = urls[index % len(urls)]
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = await context.new_page()
    try:
        for step in STEPS:
            start = time.perf_counter()
            try:
                await page.goto(base + step)
                await page.wait_for_timeout(250)
                await page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(
                    state="attached", timeout=120_000)
                if await page.get_by_test_id("stException").count():
                    errors.append(f"user {index} {step}: exception shown")
                times.append(time.perf_counter() - start)
            except Exception as exc:  # a timeout or a crash counts as an error
                errors.append(f"user {index} {step}: {type(exc).__name__}")
    finally:
        await context.close()


async def run_users(urls: list[str], n: int) -> tuple[list[float], list[str]]:
    from playwright.async_api import async_playwright

    times: list[float] = []
    errors: list[str] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
        await asyncio.gather(*(user(browser, urls, i, times, errors) for i in range(n)))
        await browser.close()
    return times, errors


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    from indicators.store import load_demo, open_store

    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--setups", nargs="+", default=["sqlite", "postgresql"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for setup in args.setups:
            procs = []
            pg = None
            if setup == "sqlite":
                url = f"sqlite:///{folder / 'load.sqlite'}"
                load_demo(open_store(url))
                procs.append(start_app(url))
            else:
                pg = start_postgres(folder)
                url = f"postgresql+psycopg://postgres@127.0.0.1:{pg[2]}/postgres"
                load_demo(open_store(url))
                procs += [start_app(url), start_app(url)]
            urls = [u for _, u in procs]
            asyncio.run(run_users(urls, 1))   # warm-up: imports and caches
            print(f"{setup}: {len(urls)} replica(s)")
            p95_one = None
            for n in args.users:
                times, errors = asyncio.run(run_users(urls, n))
                p50, p95 = pct(times, 0.5), pct(times, 0.95)
                p95_one = p95 if n == args.users[0] else p95_one
                print(f"  {n:>3} users: {len(times):>4} page loads, p50 {p50:5.2f} s, p95 {p95:5.2f} s, "
                      f"errors {len(errors)}" + (f" ({errors[0]})" if errors else ""))
            if p95_one and len(args.users) > 1:
                print(f"  p95 at {args.users[-1]} users / p95 at {args.users[0]}: {p95 / p95_one:.1f}x "
                      f"(target < 3x)")
            for proc, _ in procs:
                proc.terminate()
                proc.wait(20)
            if pg:
                prefix, bindir, _ = pg
                subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(folder / "pg"), "-m", "immediate", "stop"],
                               capture_output=True)


if __name__ == "__main__":
    main()
