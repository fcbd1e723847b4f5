"""The app's log file, and a filter that keeps passwords and personal notes out of it.

Kompetenz never logs passwords, notes or answers on purpose; `RedactingFilter` is the second
line of defence for the day someone logs a dict or an f-string by mistake. It runs on the
file handler, so it sees every record that reaches the file, from any logger. No Qt here.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Mapping
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE_NAME = "kompetenz.log"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 5
REDACTED = "«entfernt»"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Keys whose values are secret or personal; also matched inside longer names (new_password).
_SENSITIVE = (
    r"pass(?:wor[dt]|phrase)?|kennwort|pwd?|secret|geheim|token|notiz(?:en)?|notes?"
    r"|text|antwort|answer|response|reflexion"
)
_SENSITIVE_KEY = re.compile(rf"^[\w-]*(?:{_SENSITIVE})[\w-]*$", re.IGNORECASE)
_KEY_VALUE = re.compile(
    rf"""(?P<key>["']?[\w-]*(?:{_SENSITIVE})[\w-]*["']?\s*[:=]\s*)"""
    r"""(?P<value>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[^\n]+)""",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    """`password=geheim`, `'notiz': 'Text'` … with the values replaced.

    A quoted value ends at its quote; an unquoted one at the end of the line, because a note
    has blanks in it: better a few words too many gone than half a note in the log.
    """
    return _KEY_VALUE.sub(lambda m: m.group("key") + REDACTED, text)


class RedactingFilter(logging.Filter):
    """Rewrites each record's message (and traceback text) with sensitive values removed."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, Mapping):
            record.args = {
                k: REDACTED if isinstance(k, str) and _SENSITIVE_KEY.match(k) else v
                for k, v in args.items()
            }
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = redact(message), None
        # Always re-format: another handler may have cached the traceback text already.
        if record.exc_info:
            text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
            record.exc_text = redact(text)
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def configure_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    """Log to `<data_dir>/logs/kompetenz.log` (1 MB × 5 files); return the file's path.

    If the data folder cannot take a log, the log goes to the temporary folder instead: a
    missing log must never stop the app. Calling it again replaces the handler.
    """
    path = data_dir / "logs" / LOG_FILE_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        import tempfile  # only here: it costs a start-up 10 ms

        path = Path(tempfile.gettempdir()) / LOG_FILE_NAME
        handler = RotatingFileHandler(
            path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
        )
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(RedactingFilter())
    handler.set_name("kompetenz-file")
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == "kompetenz-file"]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return path
