"""One writer per data folder, enforced by an operating-system lock on `kompetenz.lock`.

The lock belongs to the open file, not to the file's existence: when the process ends in any
way (crash, SIGKILL, power button) the operating system releases it, so a stale lock file
never blocks anyone. The file only holds the owner's PID to name it in the error message.
No Qt: the app, the CLI and the tests all use this same lock.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from kompetenz.store.errors import DataDirLocked, DataDirNotWritable
from kompetenz.store.paths import LOCK_FILENAME

# Windows locks are mandatory: lock a byte past the PID so others can still read the PID.
_WINDOWS_LOCK_OFFSET = 64


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def _read_pid(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii", errors="replace")[:_WINDOWS_LOCK_OFFSET]
        return int(text.strip().split()[0])
    except (OSError, ValueError, IndexError):
        return None


class DataDirLock:
    """Held while a process may write to a data folder; release it (or use `with`)."""

    def __init__(self, data_dir: Path, fd: int) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_FILENAME
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> DataDirLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def acquire_data_dir_lock(data_dir: Path) -> DataDirLock:
    """Take the data folder's lock without waiting, or raise `DataDirLocked` naming the holder.

    The lock is per open file: a second `acquire` in the same process is refused too, which
    is what we want (a command must not open the folder twice).
    """
    path = data_dir / LOCK_FILENAME
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise DataDirNotWritable(data_dir, f"Sperrdatei: {exc.strerror or exc}") from exc
    if not _try_lock(fd):
        os.close(fd)
        raise DataDirLocked(data_dir, _read_pid(path))
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".ljust(_WINDOWS_LOCK_OFFSET - 1).encode("ascii"))
    except OSError:
        pass  # the PID is only for the message; the lock itself is held
    return DataDirLock(data_dir, fd)
