"""The store: SQL tables derived from the schema, import batches, history and rollback.

SQLAlchemy Core on a SQLite file by default, PostgreSQL by URL. Every import is
one transaction and one batch; a row an import changes keeps its previous
version in `history`, so that a batch can be rolled back exactly. A rollback
keeps a trace of the rows it removes: nothing is deleted without a trace. An engine keeps to the
SQLite file at its path: a file deleted or replaced under it is noticed (tables.same_file).
"""
from .tables import (
    DEFAULT_DB_PATH, DEMO_DIR, ENV_VAR, ROOT, SQL_TABLES, StoreError, _sql_table, batches, boundaries,
    data_version, database_url, file_identity, history, is_default, is_empty, known_codes, mappings, meta,
    metadata, open_default, open_store, read_all, read_table, same_file, sqlite_file)
from .writing import (
    ImportResult, PLAN_CHUNK_ROWS, _now, apply_import)
from .history import (
    batch_changes, earlier_versions, list_batches, rollback)
from .documents import (
    delete_boundaries, demo_files, get_mapping, list_mappings, load_boundaries, load_demo, save_boundaries,
    save_mapping)
