"""Editor rights: a hashed password for local use, an e-mail allow-list with OIDC login.

Viewing needs no account. Importing, rollback, mappings and boundaries need
the editor role. The password is stored only as a PBKDF2 hash in
`.streamlit/secrets.toml` and compared in constant time.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

ITERATIONS = 600_000


def hash_password(password: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """`pbkdf2_sha256$iterations$salt$hash`, the form kept in secrets.toml."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"pbkdf2_sha256${iterations}${b64(salt)}${b64(digest)}"


def verify_password(password: str, stored: str | None) -> bool:
    """True when `password` matches the stored hash; constant time, False on a malformed hash."""
    if not stored or not password:
        return False
    try:
        scheme, iterations, salt, expected = stored.split("$")
        if scheme != "pbkdf2_sha256":
            return False
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), base64.b64decode(salt), int(iterations))
        return hmac.compare_digest(digest, base64.b64decode(expected))
    except (ValueError, TypeError):
        return False


def is_allowed(email: str | None, allowed: list[str] | tuple[str, ...] | None) -> bool:
    """An OIDC user is an editor when their e-mail is on the allow-list (case-insensitive)."""
    if not email or not allowed:
        return False
    wanted = email.strip().lower()
    return any(wanted == str(a).strip().lower() for a in allowed)
