"""Password hashing for formador accounts (argon2id via argon2-cffi, imported only when used)."""

from __future__ import annotations

from simulator.errors import StorageError

MIN_PASSWORD_LENGTH = 6


def hash_password(password: str) -> str:
    """An argon2id hash of ``password``; short passwords are refused."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise StorageError(f"La contraseña debe tener al menos {MIN_PASSWORD_LENGTH} caracteres.")
    from argon2 import PasswordHasher

    return PasswordHasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when ``password`` matches ``stored_hash``; never raises on a mismatch."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return PasswordHasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False
