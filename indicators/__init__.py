"""The engine of the monitor: reading, checking, storing and computing indicators (no Streamlit here)."""
import os

# Arrow's default allocator (mimalloc) reserves 1 GB of address space the first time pandas runs a
# string function; under an address-space limit (ulimit -v, RLIMIT_AS: see docs/deployment.md) that
# gigabyte is then missing for reading files. Measured: 1.41 GB virtual after the first `str.match`
# with mimalloc, 0.37 GB with the system allocator. Arrow reads this variable when it first loads, so
# it works when this package is imported before pandas (the command line, the tests); the server
# sets it in its environment (Makefile, docs/deployment.md).
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
