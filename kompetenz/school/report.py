"""„Dokumentation der Maßnahmen zur Förderung der KI-Kompetenz (Art. 4 KI-VO)“: the school's
register, its measures and the staff × module matrix as an A4 PDF, or the matrix as CSV.

The PDF is signed like a certificate (PAdES over the whole file, pdfsign.py) with the PDF key
of the installation that writes it, and its first page names that key, so a reader knows which
fingerprint to compare. The CSV is a table for a spreadsheet and stays unsigned.

Completion only: name, role, module, completion date, module version and as-of date,
certificate number. Never scores, answers, notes or time (see overview.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from kompetenz.school.overview import Overview, overview_csv, role_label, summary_line
from kompetenz.store.records import RegisterItem

if TYPE_CHECKING:
    from kompetenz.certificates.keyset import PdfSigningKey

REPORT_TITLE = "Dokumentation der Maßnahmen zur Förderung der KI-Kompetenz (Art. 4 KI-VO)"
# The signature's /Reason: inside the signed bytes, it tells a report from a certificate.
REPORT_SIGNATURE_REASON = REPORT_TITLE
COMPLETION_ONLY = (
    "Diese Dokumentation enthält nur Abschlüsse: Name, Rolle, Modul, Abschlussdatum, Version und "
    "Stand des Moduls sowie die Zertifikatsnummer – keine Punktzahlen, Antworten, Notizen oder "
    "Zeiten. Sie dient nicht der Leistungs- oder Verhaltenskontrolle; eine solche Auswertung "
    "bräuchte die Zustimmung des Personalrats."
)
STEP_TITLES = {
    "bedarfsanalyse": "1. Bedarfsanalyse",
    "massnahmenplanung": "2. Maßnahmenplanung",
    "weiterentwicklung": "3. Weiterentwicklung",
    "dokumentation": "4. Dokumentation",
}
KIND_TITLES = {
    "ki-system": "KI-System im Einsatz",
    "zielgruppe": "Zielgruppe",
    "massnahme": "Maßnahme",
    "notiz": "Notiz",
}


@dataclass(frozen=True)
class ReportInput:
    school: str
    keeper: str  # who keeps this documentation
    made_on: date
    register: Sequence[RegisterItem]
    overview: Overview


def write_report(path: Path, report: ReportInput, data_dir: Path) -> int:
    """Write the PDF signed with the PDF key of the installation in `data_dir` (made for
    `report.school` if there is none yet) and return its page count; for a .csv path, write
    the matrix unsigned and return 0."""
    if path.suffix.lower() == ".csv":
        path.write_bytes(overview_csv(report.overview))
        return 0
    from kompetenz.certificates.keyset import pdf_signing_key
    from kompetenz.certificates.pdf import ensure_gui_application, replaced_when_complete
    from kompetenz.certificates.pdfsign import sign_pdf
    from kompetenz.certificates.portfolio import render_paged
    from kompetenz.certificates.portfolio_layout import paged_text

    pdf_key = pdf_signing_key(data_dir, holder=report.school)
    app = ensure_gui_application()  # noqa: F841 – must live while the PDF is drawn
    with replaced_when_complete(path) as temporary:
        pages = render_paged(temporary, paged_text(report_html(report, signature_note(pdf_key))),
                             REPORT_TITLE, report.keeper,
                             f"{report.school} · Stand {_day(report.made_on)}")
        sign_pdf(temporary, pdf_key, REPORT_SIGNATURE_REASON)
    return pages


def signature_note(pdf_key: PdfSigningKey) -> str:
    """The first page's line that says the file is signed, by which key, and how to check."""
    from kompetenz.certificates.signing import format_fingerprint

    return (f"Diese Datei ist digital signiert (Schlüssel von „{pdf_key.holder}“, Fingerabdruck "
            f"{format_fingerprint(pdf_key.fingerprint)}). Prüfen: kompetenz school "
            "verify-report DATEI oder ein PDF-Programm mit Signaturprüfung. Jede Änderung nach "
            "dem Signieren macht die Signatur ungültig.")


def _day(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def report_html(report: ReportInput, signature: str = "") -> str:
    parts = [
        f"<h1>{escape(REPORT_TITLE)}</h1>",
        f"<p class='name'>{escape(report.school)}</p>",
        f"<p>Stand: {_day(report.made_on)} · Geführt von: {escape(report.keeper)}</p>",
        f"<p class='small'>{escape(signature)}</p>" if signature else "",
        f"<p class='small'>{escape(COMPLETION_ONLY)}</p>",
        "<h2>Register und Maßnahmen</h2>",
    ]
    for step, title in STEP_TITLES.items():
        items = [i for i in report.register if i.step == step]
        parts.append(f"<h3>{title}</h3>")
        if not items:
            parts.append("<p class='small'>Noch keine Einträge.</p>")
        for item in items:
            due = f" (bis {_day(item.due_on)})" if item.due_on else ""
            details = f"<br/>{escape(item.details)}" if item.details else ""
            parts.append(f"<p><b>{KIND_TITLES[item.kind]}:</b> {escape(item.title)}{due}"
                         f"{details}</p>")
    parts.append(_matrix_html(report.overview))
    return "".join(parts)


def _matrix_html(overview: Overview) -> str:
    """Who has completed what at a glance, then each completion in a row of its own with
    version, as-of date and number. The matrix numbers its modules and shows dates only: with
    titles as headers, five modules already broke words apart on A4."""
    share = min(14, 70 // max(len(overview.modules), 1))  # the person's column takes the rest
    head = "".join(f"<th width='{share}%'>Modul {n}</th>"
                   for n in range(1, len(overview.modules) + 1))
    legend = "<br/>".join(
        f"Modul {n}: {escape(title)} – abgeschlossen von {overview.completed_by(module_id)}"
        for n, (module_id, title) in enumerate(overview.modules, start=1))
    rows, details = [], []
    for person in overview.people:
        cells = []
        for module_id, title in overview.modules:
            cell = person.cells.get(module_id)
            if cell is None:
                cells.append("<td>–</td>")
                continue
            due = "<br/><span class='small'><b>Auffrischung fällig</b></span>" if cell.due else ""
            cells.append(f"<td>{_day(cell.completed_on)}{due}</td>")
            details.append((person.name, title, _day(cell.completed_on),
                            f"{cell.module_version} ({_day(cell.as_of)})",
                            cell.certificate_number))
        rows.append(f"<tr><td>{escape(person.name)}<br/><span class='small'>"
                    f"{role_label(person.role)}</span></td>{''.join(cells)}</tr>")
    body = "".join(rows) or f"<tr><td colspan='{len(overview.modules) + 1}'>Noch keine Nachweise.</td></tr>"
    matrix = (f"<h2>Teilnahme: Personal × Modul</h2><p>{summary_line(overview)}</p>"
              f"<p class='small'>Abschlussdatum je Modul; "
              f"Auffrischung nach {overview.refresh_months} Monaten (von der Schule "
              f"festgelegt).</p><p style='margin-bottom: 12px'>{legend}</p>"
              f"<table width='100%' cellspacing='0' cellpadding='4'><thead><tr>"
              f"<th width='{100 - share * len(overview.modules)}%'>Person</th>{head}</tr>"
              f"</thead>{body}</table>")  # a header row in <thead> repeats on every page
    if not details:
        return matrix
    from kompetenz.certificates.portfolio_layout import html_table

    return (matrix + "<h2>Nachweise im Einzelnen</h2>" + html_table(
        "Person:20%, Modul:32%, Abschluss:14%, Version (Stand):16%, Zertifikat:18%", details))
