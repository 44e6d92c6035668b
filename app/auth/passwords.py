"""argon2id password hashes, rehashed on sign-in when the cost settings change."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

from app.blocking import off_the_hub

MIN_LENGTH = 10
MAX_LENGTH = 200


def _hasher() -> PasswordHasher:
    return PasswordHasher(
        time_cost=current_app.config["ARGON2_TIME_COST"],
        memory_cost=current_app.config["ARGON2_MEMORY_COST"],
    )


def hash_password(password: str) -> str:
    return off_the_hub(_hasher().hash, password)


def verify_password(stored_hash: str, password: str) -> bool:
    hasher = _hasher()

    def verify() -> bool:
        # A mismatch is an answer, not an error: raised in gevent's pool it would be logged.
        try:
            return hasher.verify(stored_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    return off_the_hub(verify)


def needs_rehash(stored_hash: str) -> bool:
    return _hasher().check_needs_rehash(stored_hash)
