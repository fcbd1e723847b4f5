"""The school's register and settings (school_models.py): what the head teacher documents."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import delete, select

from kompetenz.store.context import StorePart, require_json, require_text
from kompetenz.store.errors import InvalidInput
from kompetenz.store.records import KINDS, STEPS, RegisterItem
from kompetenz.store.school_models import RegisterEntry, SchoolSetting


class SchoolRegister(StorePart):
    def add_register_entry(
        self, step: str, kind: str, title: str, details: str = "", due_on: date | None = None
    ) -> RegisterItem:
        if step not in STEPS:
            raise InvalidInput(f"Unbekannter Schritt „{step}“; möglich: {', '.join(STEPS)}.")
        if kind not in KINDS:
            raise InvalidInput(f"Unbekannte Art „{kind}“; möglich: {', '.join(KINDS)}.")
        require_text(title.strip(), "title", 300)
        with self._context.transaction() as session:
            row = RegisterEntry(
                step=step, kind=kind, title=title.strip(), details=details.strip(),
                due_on=due_on.isoformat() if due_on else None, created_at=self._context.now(),
            )
            session.add(row)
            session.flush()
            return _item(row)

    def register_entries(self) -> list[RegisterItem]:
        """In the order of the four steps, then as entered."""
        with self._context.transaction() as session:
            rows = session.scalars(select(RegisterEntry).order_by(RegisterEntry.id))
            items = [_item(row) for row in rows]
        return sorted(items, key=lambda item: STEPS.index(item.step))

    def remove_register_entry(self, entry_id: int) -> bool:
        with self._context.transaction() as session:
            found = session.execute(delete(RegisterEntry).where(RegisterEntry.id == entry_id))
            return bool(getattr(found, "rowcount", 0))

    def school_setting(self, key: str, default: Any = None) -> Any:
        with self._context.transaction() as session:
            row = session.scalar(select(SchoolSetting).where(SchoolSetting.key == key))
            return default if row is None else row.value

    def set_school_setting(self, key: str, value: Any) -> None:
        require_text(key, "key", 100)
        require_json(value, "a school setting")
        with self._context.transaction() as session:
            row = session.scalar(select(SchoolSetting).where(SchoolSetting.key == key))
            if row is None:
                session.add(SchoolSetting(key=key, value=value))
            else:
                row.value = value


def _item(row: RegisterEntry) -> RegisterItem:
    return RegisterItem(
        id=row.id, step=row.step, kind=row.kind, title=row.title, details=row.details,
        due_on=date.fromisoformat(row.due_on) if row.due_on else None,
    )
