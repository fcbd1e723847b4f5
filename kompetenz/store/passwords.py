"""Profile passwords: scrypt hashes with their parameters, and a per-profile slow-down.

A profile password keeps a colleague at the same staff-room PC out of a teacher's record; it
is not meant to withstand an attacker who copies the database. Still, hashes are salted
scrypt, compared in constant time, and guessing gets slower with every failure.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable

SCHEME = "scrypt"
_N, _R, _P, _DKLEN = 2**14, 8, 1, 32
MAX_PASSWORD_LENGTH = 1024


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=dklen, maxmem=64 * 1024 * 1024
    )


def hash_password(password: str) -> str:
    """`scrypt$n$r$p$salt$hash`: parameters travel with the hash so they can be raised later."""
    if not password or len(password) > MAX_PASSWORD_LENGTH:
        raise ValueError("password must have 1 to 1024 characters")
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, _N, _R, _P, _DKLEN)
    return f"{SCHEME}${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


_DUMMY_HASH = f"{SCHEME}${_N}${_R}${_P}${_b64(bytes(16))}${_b64(bytes(_DKLEN))}"


def verify_password(password: str, stored: str | None) -> bool:
    """True only if `stored` is a hash of `password`. Without a stored hash the same work is
    done against a dummy, so the answer's timing does not tell whether a password is set."""
    candidate = stored if stored is not None else _DUMMY_HASH
    try:
        scheme, n, r, p, salt_b64, digest_b64 = candidate.split("$")
        if scheme != SCHEME:
            return False
        expected = base64.b64decode(digest_b64, validate=True)
        salt = base64.b64decode(salt_b64, validate=True)
        candidate_pw = password[:MAX_PASSWORD_LENGTH]
        actual = _scrypt(candidate_pw, salt, int(n), int(r), int(p), len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected) and stored is not None


class PasswordGuard:
    """Remembers failed checks per profile (in memory only) and makes the next check wait.

    After the k-th failure in a row the next check waits `base_delay * 2**(k-1)` seconds,
    at most `max_delay`; a success resets it. The wait happens inside `check_password`, so
    the UI should call it off the GUI thread or show `remaining(profile_id)` first.
    """

    def __init__(
        self,
        *,
        base_delay: float = 0.5,
        max_delay: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._base = base_delay
        self._max = max_delay
        self._sleep = sleep
        self._monotonic = monotonic
        self._failures: dict[int, tuple[int, float]] = {}
        self._mutex = threading.Lock()

    def remaining(self, profile_id: int) -> float:
        with self._mutex:
            _, not_before = self._failures.get(profile_id, (0, 0.0))
        return max(0.0, not_before - self._monotonic())

    def wait(self, profile_id: int) -> None:
        delay = self.remaining(profile_id)
        if delay > 0:
            self._sleep(delay)

    def record(self, profile_id: int, ok: bool) -> None:
        with self._mutex:
            if ok:
                self._failures.pop(profile_id, None)
                return
            count = self._failures.get(profile_id, (0, 0.0))[0] + 1
            delay = min(self._base * 2 ** (count - 1), self._max)
            self._failures[profile_id] = (count, self._monotonic() + delay)

    def failures(self, profile_id: int) -> int:
        with self._mutex:
            return self._failures.get(profile_id, (0, 0.0))[0]
