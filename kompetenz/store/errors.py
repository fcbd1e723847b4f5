"""Everything the store can refuse, as one hierarchy with messages a teacher can act on.

Each message says what happened and what to do; the UI and the CLI show `str(error)` as it is.
Programming errors (a negative number of seconds, a position outside the plan) stay
`ValueError`s: they are bugs, not situations a user can resolve.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class StoreError(Exception):
    """Base of every error the progress store reports to a user."""


class DataDirNotWritable(StoreError):
    def __init__(self, data_dir: Path, reason: str) -> None:
        self.data_dir = data_dir
        super().__init__(
            f"Im Datenordner „{data_dir}“ kann Kompetenz nicht speichern ({reason}). "
            "Wählen Sie mit --data-dir einen anderen Ordner oder lassen Sie die Schreibrechte "
            "für diesen Ordner von der IT-Betreuung freigeben."
        )


def _backup_hint(backups: Sequence[str]) -> str:
    if not backups:
        return "Es gibt keine Sicherungen. Wenden Sie sich an die IT-Betreuung."
    listed = ", ".join(backups)
    return (
        f"Vorhandene Sicherungen: {listed}. Stellen Sie eine davon mit "
        f"„kompetenz backup restore {backups[0]}“ wieder her (die neueste steht vorn)."
    )


class DatabaseCorrupt(StoreError):
    def __init__(self, path: Path, detail: str, backups: Sequence[str] = ()) -> None:
        self.path = path
        self.backups = tuple(backups)
        super().__init__(
            f"Die Lernstand-Datei „{path}“ ist beschädigt oder keine Kompetenz-Datenbank "
            f"({detail}). Sie wurde nicht verändert. {_backup_hint(self.backups)}"
        )


class DatabaseTooNew(StoreError):
    def __init__(self, path: Path | str, revision: str) -> None:
        self.path = path
        self.revision = revision
        super().__init__(
            f"Die Lernstand-Datei „{path}“ stammt von einer neueren Kompetenz-Version "
            f"(Schema {revision}). Sie wurde nicht verändert. Bitte installieren Sie die "
            "aktuelle Version von Kompetenz, um mit diesen Daten weiterzuarbeiten."
        )


class DataDirLocked(StoreError):
    def __init__(self, data_dir: Path, holder_pid: int | None) -> None:
        self.data_dir = data_dir
        self.holder_pid = holder_pid
        who = f" (Prozess {holder_pid})" if holder_pid else ""
        super().__init__(
            f"Der Datenordner „{data_dir}“ wird gerade von einem anderen Kompetenz-Programm "
            f"benutzt{who}. Schließen Sie das andere Fenster oder warten Sie, bis der andere "
            "Befehl fertig ist, und versuchen Sie es dann erneut."
        )


class ProfileExists(StoreError):
    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            f"Ein Profil mit dem Namen „{name}“ gibt es bereits (Groß-/Kleinschreibung zählt "
            "nicht). Wählen Sie einen anderen Namen, z. B. mit einem zweiten Vornamen."
        )


class ProfileNotFound(StoreError):
    def __init__(self, name_or_id: str | int) -> None:
        self.key = name_or_id
        what = f"„{name_or_id}“" if isinstance(name_or_id, str) else f"Nr. {name_or_id}"
        super().__init__(
            f"Das Profil {what} gibt es nicht (mehr). "
            "Mit „kompetenz profile list“ sehen Sie alle Profile."
        )


class AttemptNotFound(StoreError):
    def __init__(self, attempt_id: int) -> None:
        self.attempt_id = attempt_id
        super().__init__(
            f"Der Quiz-Versuch Nr. {attempt_id} existiert nicht. Starten Sie das Quiz neu."
        )


class AttemptClosed(StoreError):
    def __init__(self, attempt_id: int) -> None:
        self.attempt_id = attempt_id
        super().__init__(
            f"Der Quiz-Versuch Nr. {attempt_id} ist bereits abgeschlossen; Antworten können "
            "nicht mehr geändert werden. Starten Sie einen neuen Versuch."
        )


class ImportRejected(StoreError):
    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(
            f"Die Lernstand-Datei wurde nicht importiert: {reason} Es wurde nichts verändert."
        )


class BackupError(StoreError):
    """A backup could not be made, found or restored; the message says which and why."""


class InvalidInput(StoreError):
    """Something a user typed (a name, a school) cannot be stored; the message says why."""

    def __init__(self, message: str) -> None:
        super().__init__(f"{message} Bitte korrigieren Sie die Eingabe.")


class StorageFailed(StoreError):
    """The database refused a read or write (disk full, file locked too long, medium gone)."""

    def __init__(self, detail: str, *, server: bool = False) -> None:
        self.detail = detail
        self.server = server
        check = (
            "ob dieser PC den Schulserver erreicht (Netzwerk, Server eingeschaltet)"
            if server
            else "ob der Datenträger voll oder getrennt ist"
        )
        super().__init__(
            f"Der Lernstand konnte gerade nicht gelesen oder gespeichert werden ({detail}). "
            f"Prüfen Sie, {check}, und versuchen Sie es "
            "erneut; bleibt der Fehler, wenden Sie sich an die IT-Betreuung."
        )


class AnswerNotSaved(StorageFailed):
    """The answer just given did not reach the database; everything saved before is kept."""

    def __init__(self, cause: StorageFailed) -> None:
        super().__init__(cause.detail, server=cause.server)
        where = "den Schulserver" if cause.server else "den Datenträger"
        self.args = (
            f"Ihre letzte Antwort wurde NICHT gespeichert ({cause.detail}). Alle vorher "
            f"gespeicherten Antworten bleiben erhalten. Prüfen Sie {where} und geben Sie die "
            "Antwort erneut ein.",
        )


class ServerUnavailable(StoreError):
    """The school's database server cannot be reached or refuses this login."""

    def __init__(self, where: str, problem: str, check: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(
            f"Der Datenbankserver „{where}“ ist nicht nutzbar: {problem}. Prüfen Sie {check} "
            "(Umgebungsvariable KOMPETENZ_DATABASE_URL). Es wurde nichts gespeichert."
        )


class ServerNotReady(StoreError):
    """The server's database has no Kompetenz schema, or one of another version."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        super().__init__(
            f"Die Datenbank „{where}“ ist nicht für diese Kompetenz-Version eingerichtet "
            f"({problem}). Kompetenz verändert sie nicht selbst: Die Schul-IT richtet sie mit "
            "„kompetenz school init-server“ ein bzw. bringt sie damit auf den neuen Stand. "
            "Es wurde nichts gespeichert."
        )


class CertificateNumberTaken(StoreError):
    """Another certificate already has this number (issued at the same moment elsewhere)."""

    def __init__(self, number: str) -> None:
        self.number = number
        super().__init__(f"Die Zertifikatsnummer {number} ist bereits vergeben.")
