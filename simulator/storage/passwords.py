"""Password and PIN hashing (argon2id via argon2-cffi, imported only when used).

Formadores have a password; a trainee may have a PIN (4 to 8 digits) or a password. Both are kept
hashed in ``trainees.password_hash`` and checked with the same ``verify_password``.
"""

from __future__ import annotations

from simulator.errors import InputError, StorageError

MIN_PASSWORD_LENGTH = 6
PIN_DIGITS = (4, 8)
MAX_SECRET_LENGTH = 200


def hash_password(password: str) -> str:
    """An argon2id hash of ``password``; short passwords are refused."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise StorageError(f"La contraseña debe tener al menos {MIN_PASSWORD_LENGTH} caracteres.")
    return _hash(password)


def check_trainee_secret(secret: str) -> None:
    """Refuse (Spanish ``InputError``) a trainee PIN or password that is not allowed: only digits
    = a PIN of 4 to 8 digits; anything else = a password of at least 6 characters."""
    low, high = PIN_DIGITS
    if not secret or secret != secret.strip():
        raise InputError(
            f"Escriba un PIN de {low} a {high} dígitos o una contraseña de al menos "
            f"{MIN_PASSWORD_LENGTH} caracteres (sin espacios al inicio ni al final)."
        )
    if secret.isascii() and secret.isdigit():
        if not low <= len(secret) <= high:
            raise InputError(f"El PIN debe tener de {low} a {high} dígitos.")
        return
    if len(secret) < MIN_PASSWORD_LENGTH:
        raise InputError(
            f"Una contraseña debe tener al menos {MIN_PASSWORD_LENGTH} caracteres "
            f"(o use un PIN de {low} a {high} dígitos)."
        )
    if len(secret) > MAX_SECRET_LENGTH:
        raise InputError(f"La contraseña es demasiado larga (máximo {MAX_SECRET_LENGTH}).")


def hash_trainee_secret(secret: str) -> str:
    """An argon2id hash of a trainee's PIN or password, checked first (``check_trainee_secret``)."""
    check_trainee_secret(secret)
    return _hash(secret)


def _hash(secret: str) -> str:
    from argon2 import PasswordHasher

    return PasswordHasher().hash(secret)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when ``password`` matches ``stored_hash``; never raises on a mismatch."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return PasswordHasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


_DUMMY_HASH: list[str] = []


def verify_nothing(password: str) -> None:
    """Spend the time of a real check when there is no hash to check against (an unknown name or
    a person without PIN), so the answer's delay does not tell whether the name exists."""
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(_hash("sin-cuenta-simulador"))
    verify_password(_DUMMY_HASH[0], password)
