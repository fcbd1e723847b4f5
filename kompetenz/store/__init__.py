"""The progress store: learner profiles and everything they did, in SQLAlchemy. No Qt.

The names below are the store's public API: what `learning`, `certificates`, `ui` and
`commands` may use (`from kompetenz.store import open_store, ProfileRecord`). The modules
`records` and `errors` are public as a whole; every other module is the store's own.

- opening: `open_store`, `ensure_writable`, `HEAD_REVISION`, `ProgressStore` (with its parts
  `profiles`, `lessons`, `quiz`, `certificate_register`);
- the engine: `DatabaseBackend`, `backend_for` (SQLite today; the seam for another engine);
- the first screen without SQLAlchemy: `ProgressReader`, `ReadOnlyReader`;
- the data folder: `DataDirLock`, `acquire_data_dir_lock`, `PasswordGuard`, `database_file`;
- backups (SQLite files): `list_backups`, `create_backup`, `restore_backup`, `backup_if_due`;
- one learner's file: `export_profile`, `import_profile`;
- the records and errors of `records.py` and `errors.py`.

Each name is imported when first used: start-up reads the first screen with `ReadOnlyReader`
before SQLAlchemy is loaded, and asking for it must not load the rest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_RECORDS = (
    "ROLE_NAMES_DE AnswerRecord AttemptRecord BackupRecord CertificateRecord DeletionReport "
    "LessonState ModuleProgress NoteRecord PlannedItem ProfileRecord Role Completion"
)
_ERRORS = (
    "AttemptClosed AttemptNotFound BackupError DatabaseCorrupt DatabaseTooNew DataDirLocked "
    "DataDirNotWritable ImportRejected InvalidInput ProfileExists ProfileNotFound StorageFailed "
    "StoreError AnswerNotSaved ServerUnavailable ServerNotReady CertificateNumberTaken"
)
_WHERE = {
    "kompetenz.store.database": "open_store ensure_writable check_url",
    "kompetenz.store.revision": "HEAD_REVISION",
    "kompetenz.store.service": "ProgressStore",
    "kompetenz.store.backend": "DatabaseBackend backend_for",
    "kompetenz.store.reader": "ProgressReader",
    "kompetenz.store.sqlite.readonly": "ReadOnlyReader",
    "kompetenz.store.lock": "DataDirLock acquire_data_dir_lock",
    "kompetenz.store.passwords": "PasswordGuard",
    "kompetenz.store.paths": "database_file",
    "kompetenz.store.sqlite.backups": "list_backups create_backup restore_backup backup_if_due",
    "kompetenz.store.portable": "export_profile import_profile",
    "kompetenz.store.records": _RECORDS,
    "kompetenz.store.errors": _ERRORS,
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names.split()}
__all__ = sorted(_MODULE_OF)


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'kompetenz.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from kompetenz.store.backend import (
        DatabaseBackend as DatabaseBackend,
    )
    from kompetenz.store.backend import (
        backend_for as backend_for,
    )
    from kompetenz.store.database import (
        ensure_writable as ensure_writable,
    )
    from kompetenz.store.database import (
        open_store as open_store,
    )
    from kompetenz.store.errors import (
        AttemptClosed as AttemptClosed,
    )
    from kompetenz.store.errors import (
        AttemptNotFound as AttemptNotFound,
    )
    from kompetenz.store.errors import (
        BackupError as BackupError,
    )
    from kompetenz.store.errors import (
        DatabaseCorrupt as DatabaseCorrupt,
    )
    from kompetenz.store.errors import (
        DatabaseTooNew as DatabaseTooNew,
    )
    from kompetenz.store.errors import (
        DataDirLocked as DataDirLocked,
    )
    from kompetenz.store.errors import (
        DataDirNotWritable as DataDirNotWritable,
    )
    from kompetenz.store.errors import (
        ImportRejected as ImportRejected,
    )
    from kompetenz.store.errors import (
        InvalidInput as InvalidInput,
    )
    from kompetenz.store.errors import (
        ProfileExists as ProfileExists,
    )
    from kompetenz.store.errors import (
        ProfileNotFound as ProfileNotFound,
    )
    from kompetenz.store.errors import (
        StorageFailed as StorageFailed,
    )
    from kompetenz.store.errors import (
        StoreError as StoreError,
    )
    from kompetenz.store.lock import (
        DataDirLock as DataDirLock,
    )
    from kompetenz.store.lock import (
        acquire_data_dir_lock as acquire_data_dir_lock,
    )
    from kompetenz.store.passwords import (
        PasswordGuard as PasswordGuard,
    )
    from kompetenz.store.paths import (
        database_file as database_file,
    )
    from kompetenz.store.portable import (
        export_profile as export_profile,
    )
    from kompetenz.store.portable import (
        import_profile as import_profile,
    )
    from kompetenz.store.reader import (
        ProgressReader as ProgressReader,
    )
    from kompetenz.store.records import (
        ROLE_NAMES_DE as ROLE_NAMES_DE,
    )
    from kompetenz.store.records import (
        AnswerRecord as AnswerRecord,
    )
    from kompetenz.store.records import (
        AttemptRecord as AttemptRecord,
    )
    from kompetenz.store.records import (
        BackupRecord as BackupRecord,
    )
    from kompetenz.store.records import (
        CertificateRecord as CertificateRecord,
    )
    from kompetenz.store.records import (
        DeletionReport as DeletionReport,
    )
    from kompetenz.store.records import (
        LessonState as LessonState,
    )
    from kompetenz.store.records import (
        ModuleProgress as ModuleProgress,
    )
    from kompetenz.store.records import (
        NoteRecord as NoteRecord,
    )
    from kompetenz.store.records import (
        PlannedItem as PlannedItem,
    )
    from kompetenz.store.records import (
        ProfileRecord as ProfileRecord,
    )
    from kompetenz.store.records import (
        Role as Role,
    )
    from kompetenz.store.revision import (
        HEAD_REVISION as HEAD_REVISION,
    )
    from kompetenz.store.service import (
        ProgressStore as ProgressStore,
    )
    from kompetenz.store.sqlite.backups import (
        backup_if_due as backup_if_due,
    )
    from kompetenz.store.sqlite.backups import (
        create_backup as create_backup,
    )
    from kompetenz.store.sqlite.backups import (
        list_backups as list_backups,
    )
    from kompetenz.store.sqlite.backups import (
        restore_backup as restore_backup,
    )
    from kompetenz.store.sqlite.readonly import (
        ReadOnlyReader as ReadOnlyReader,
    )
