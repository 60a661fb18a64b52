"""Small helpers shared by the tests."""
from __future__ import annotations

from pathlib import Path

from indicators.exporting import export_frames, to_csv_bytes
from indicators.importing import import_files
from indicators.store import open_store

CORPUS = Path(__file__).parent / "corpus"
FRAMEWORK = sorted((CORPUS / "framework").glob("*.csv"))


def store_with_framework(url: str):
    engine = open_store(url)
    outcome = import_files(engine, FRAMEWORK, user="test")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    return engine


def snapshot(engine) -> dict[str, bytes]:
    """Every table exported as CSV bytes: two equal snapshots mean an unchanged store."""
    return {name: to_csv_bytes(frame) for name, frame in export_frames(engine).items()}


def write(tmp_path: Path, name: str, text: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
    return path
