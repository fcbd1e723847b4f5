<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BadgeHolderDialog</name>
    <message>
        <source>Open Badge</source>
        <translation>Open Badge</translation>
    </message>
    <message>
        <source>An Open Badge names its holder only in encrypted form. Enter the name exactly as on the certificate; a wrong name is refused.</source>
        <translation>Ein Open Badge nennt den Namen der Person nur verschlüsselt. Geben Sie den Namen genau so ein, wie er auf dem Zertifikat steht; ein falscher Name wird abgelehnt.</translation>
    </message>
    <message>
        <source>Name of the person on %1:</source>
        <translation>Name der Person auf %1:</translation>
    </message>
    <message>
        <source>&amp;Role (optional):</source>
        <translation>&amp;Rolle (freiwillig):</translation>
    </message>
    <message>
        <source>&amp;Skip this file</source>
        <translation>Datei &amp;überspringen</translation>
    </message>
</context>
<context>
    <name>CertificateFlow</name>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Save as Open Badge</source>
        <translation>Als Open Badge speichern</translation>
    </message>
    <message>
        <source>Open Badge (*.png *.svg *.json)</source>
        <translation>Open Badge (*.png *.svg *.json)</translation>
    </message>
    <message>
        <source>Creating the Open Badge…</source>
        <translation>Open Badge wird erstellt…</translation>
    </message>
    <message>
        <source>Release to school</source>
        <translation>Für die Schulleitung freigeben</translation>
    </message>
    <message>
        <source>The school leadership will see your name, role, the modules with completion date and version, and the certificate number of %1 — never scores, answers, notes or time. Without a school server, hand in the PDF instead. Release it?</source>
        <translation>Die Schulleitung sieht dann Ihren Namen, Ihre Rolle, die Module mit Abschlussdatum und Version sowie die Nummer von %1 – nie Punktzahlen, Antworten, Notizen oder Zeiten. Ohne Schulserver geben Sie stattdessen die PDF-Datei ab. Freigeben?</translation>
    </message>
    <message>
        <source>Releasing certificate %1 to the school…</source>
        <translation>Zertifikat %1 wird für die Schule freigegeben…</translation>
    </message>
    <message>
        <source>The school leadership will no longer see certificate %1. The certificate itself stays valid. Withdraw the release?</source>
        <translation>Die Schulleitung sieht das Zertifikat %1 dann nicht mehr. Das Zertifikat selbst bleibt gültig. Freigabe zurücknehmen?</translation>
    </message>
    <message>
        <source>Withdraw release</source>
        <translation>Freigabe zurücknehmen</translation>
    </message>
    <message>
        <source>Withdrawing the release of certificate %1…</source>
        <translation>Die Freigabe von Zertifikat %1 wird zurückgenommen…</translation>
    </message>
    <message>
        <source>Certificate %1 released.</source>
        <translation>Zertifikat %1 freigegeben.</translation>
    </message>
    <message>
        <source>Release of certificate %1 withdrawn.</source>
        <translation>Freigabe von Zertifikat %1 zurückgenommen.</translation>
    </message>
    <message>
        <source>The certificate was not released: %1</source>
        <translation>Das Zertifikat wurde nicht freigegeben: %1</translation>
    </message>
    <message>
        <source>The release was not withdrawn: %1</source>
        <translation>Die Freigabe wurde nicht zurückgenommen: %1</translation>
    </message>
    <message>
        <source>Save learning record</source>
        <translation>Lernnachweis speichern</translation>
    </message>
    <message>
        <source>Creating the learning record…</source>
        <translation>Der Lernnachweis wird erstellt…</translation>
    </message>
    <message>
        <source>Learning record saved: %1</source>
        <translation>Lernnachweis gespeichert: %1</translation>
    </message>
    <message>
        <source>The learning record could not be saved: %1
Choose another folder and try again.</source>
        <translation>Der Lernnachweis konnte nicht gespeichert werden: %1
Wählen Sie einen anderen Ordner und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The learning record could not be created: %1</source>
        <translation>Der Lernnachweis konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Save certificate</source>
        <translation>Zertifikat speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Creating the certificate…</source>
        <translation>Das Zertifikat wird erstellt…</translation>
    </message>
    <message>
        <source>Certificate saved: %1</source>
        <translation>Zertifikat gespeichert: %1</translation>
    </message>
    <message>
        <source>The certificate could not be saved: %1
Choose another folder and try again.</source>
        <translation>Das Zertifikat konnte nicht gespeichert werden: %1
Wählen Sie einen anderen Ordner und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Learning record</source>
        <translation>Lernnachweis</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Lessons read per module</source>
        <translation>Gelesene Lektionen je Modul</translation>
    </message>
    <message>
        <source>No modules.</source>
        <translation>Keine Module.</translation>
    </message>
    <message>
        <source>Quiz results: %1</source>
        <translation>Quiz-Ergebnisse: %1</translation>
    </message>
    <message>
        <source>No quiz attempts yet.</source>
        <translation>Noch keine Quiz-Versuche.</translation>
    </message>
    <message>
        <source>Attempts: %1. Scores, oldest first: %2. Pass mark %3. Passed: %4.</source>
        <translation>Versuche: %1. Ergebnisse, ältestes zuerst: %2. Bestehensgrenze %3. Bestanden: %4.</translation>
    </message>
    <message>
        <source>pass mark %1</source>
        <translation>Bestehensgrenze %1</translation>
    </message>
    <message>
        <source>attempt</source>
        <translation>Versuch</translation>
    </message>
</context>
<context>
    <name>ChoiceWidget</name>
    <message>
        <source>Several answers can be right.</source>
        <translation>Mehrere Antworten können richtig sein.</translation>
    </message>
</context>
<context>
    <name>EssayWidget</name>
    <message>
        <source>Your reflection</source>
        <translation>Ihre Reflexion</translation>
    </message>
    <message>
        <source>Your reflection is not graded. It stays on this computer.</source>
        <translation>Ihre Reflexion wird nicht bewertet und bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <source>Your reflection is not graded. It is saved on your school&apos;s server; the school leadership cannot see it.</source>
        <translation>Ihre Reflexion wird nicht bewertet. Sie wird auf dem Server Ihrer Schule gespeichert; die Schulleitung kann sie nicht sehen.</translation>
    </message>
    <message>
        <source>Words: %1</source>
        <translation>Wörter: %1</translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>Hilfetext</translation>
    </message>
    <message>
        <source>Reading lessons</source>
        <translation>Lektionen lesen</translation>
    </message>
    <message>
        <source>Choose a module on the start page, then a lesson. Read at your own pace; a lesson counts as read when you mark it or move on from its end. The module page shows which lessons you have read.</source>
        <translation>Wählen Sie auf der Startseite ein Modul und dann eine Lektion. Lesen Sie in Ihrem eigenen Tempo; eine Lektion gilt als gelesen, wenn Sie sie als gelesen markieren oder bis zu ihrem Ende lesen und dann weitergehen. Auf der Modulseite sehen Sie, welche Lektionen Sie schon gelesen haben.</translation>
    </message>
    <message>
        <source>The quiz</source>
        <translation>Das Quiz</translation>
    </message>
    <message>
        <source>Each module ends with a short quiz. Every answer is saved at once, so you can pause and continue later. You pass when you reach the pass mark shown on the module page, usually 80 %. You can try again; your best result counts.</source>
        <translation>Jedes Modul endet mit einem kurzen Quiz. Jede Antwort wird sofort gespeichert; Sie können also unterbrechen und später weitermachen. Sie haben bestanden, wenn Sie die Bestehensgrenze erreichen, die auf der Modulseite steht – meist 80 %. Sie können es erneut versuchen; Ihr bestes Ergebnis zählt.</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>After passing a quiz you can save a certificate as a PDF file. It carries a digital signature and a QR code. Your school can check it with the command “kompetenz certificate verify”; any change to the file makes the check fail.</source>
        <translation>Nach einem bestandenen Quiz können Sie ein Zertifikat als PDF-Datei speichern. Es trägt eine digitale Signatur und einen QR-Code. Ihre Schule kann es mit dem Befehl „kompetenz certificate verify“ prüfen; jede Änderung an der Datei lässt die Prüfung fehlschlagen.</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Ihre Daten</translation>
    </message>
    <message>
        <source>Your progress is stored only on this computer, in the folder %1. Kompetenz never connects to the internet and sends nothing anywhere.</source>
        <translation>Ihr Fortschritt wird nur auf diesem Computer gespeichert, im Datenordner %1. Kompetenz verbindet sich nie mit dem Internet und sendet nichts nach außen.</translation>
    </message>
    <message>
        <source>Your progress, notes and reflections are stored on your school&apos;s server (%1). The school leadership sees only the certificates you release to it. Kompetenz connects to nothing but that server and sends nothing anywhere else.</source>
        <translation>Ihr Fortschritt, Ihre Notizen und Reflexionen werden auf dem Server Ihrer Schule gespeichert (%1). Die Schulleitung sieht nur die Zertifikate, die Sie für sie freigeben. Kompetenz verbindet sich mit nichts anderem als diesem Server und sendet nichts anderswohin.</translation>
    </message>
    <message>
        <source>Sharing a computer</source>
        <translation>Einen Computer gemeinsam nutzen</translation>
    </message>
    <message>
        <source>On a shared staff-room computer, each colleague creates their own profile. Protect yours with a password so that nobody else continues in your name.</source>
        <translation>Am gemeinsamen Computer im Lehrerzimmer legt jede Kollegin und jeder Kollege ein eigenes Profil an. Schützen Sie Ihr Profil mit einem Passwort, damit niemand sonst in Ihrem Namen weiterlernt.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Search all lessons</source>
        <translation>Alle Lektionen durchsuchen</translation>
    </message>
    <message>
        <source>Open this help</source>
        <translation>Diese Hilfe öffnen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Back to your modules</source>
        <translation>Zurück zu Ihren Modulen</translation>
    </message>
    <message>
        <source>Tab, arrow keys, Enter</source>
        <translation>Tab, Pfeiltasten, Eingabetaste</translation>
    </message>
    <message>
        <source>Move around and open what is selected</source>
        <translation>Zwischen Elementen wechseln und Ausgewähltes öffnen</translation>
    </message>
    <message>
        <source>1 to 9, then Enter</source>
        <translation>1 bis 9, dann Eingabetaste</translation>
    </message>
    <message>
        <source>In the quiz: pick an answer and confirm it</source>
        <translation>Im Quiz: eine Antwort wählen und bestätigen</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Your modules</source>
        <translation>Ihre Module</translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation>Gesamtfortschritt</translation>
    </message>
    <message>
        <source>%p % done</source>
        <translation>%p % erledigt</translation>
    </message>
    <message>
        <source>Continue where you left off</source>
        <translation>Dort weitermachen, wo Sie aufgehört haben</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Rolle ändern …</translation>
    </message>
    <message>
        <source>Change your role and learning path</source>
        <translation>Rolle und Lernpfad ändern</translation>
    </message>
    <message>
        <source>Your learning path</source>
        <translation>Ihr Lernpfad</translation>
    </message>
    <message>
        <source>Further modules (optional)</source>
        <translation>Weitere Module (zur Wahl)</translation>
    </message>
    <message>
        <source>Further modules</source>
        <translation>Weitere Module</translation>
    </message>
    <message>
        <source>Click a module to open it, or choose it with the arrow keys and press Enter.</source>
        <translation>Klicken Sie auf ein Modul, um es zu öffnen, oder wählen Sie es mit den Pfeiltasten aus und drücken Sie die Eingabetaste.</translation>
    </message>
    <message>
        <source>No modules were found. Ask your trainer for a content pack.</source>
        <translation>Es wurden keine Module gefunden. Fragen Sie Ihre Fortbildungsleitung nach einem Inhaltspaket.</translation>
    </message>
    <message>
        <source>No module is required for your role (%1).</source>
        <translation>Für Ihre Rolle (%1) ist kein Modul vorgeschrieben.</translation>
    </message>
    <message>
        <source>Your learning path as %1: these modules lead to the certificate „Zertifikat KI-Kompetenz“</source>
        <translation>Ihr Lernpfad als %1: Diese Module führen zum „Zertifikat KI-Kompetenz“</translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome!&lt;/b&gt; Each module has short lessons and a quiz at the end. Read the lessons in any order; your progress is saved at once. Pass a module&apos;s quiz to get a certificate for your continuing-education records. Everything stays on this computer – Kompetenz works without internet.</source>
        <translation>&lt;b&gt;Willkommen!&lt;/b&gt; Jedes Modul besteht aus kurzen Lektionen und einem Quiz am Ende. Lesen Sie die Lektionen in beliebiger Reihenfolge; Ihr Fortschritt wird sofort gespeichert. Wenn Sie das Quiz eines Moduls bestehen, erhalten Sie eine Teilnahmebescheinigung für Ihre Fortbildungsnachweise. Alles bleibt auf diesem Computer – Kompetenz funktioniert ohne Internet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome!&lt;/b&gt; Each module has short lessons and a quiz at the end. Read the lessons in any order; your progress is saved at once, on your school&apos;s server. Pass a module&apos;s quiz to get a certificate for your continuing-education records. Kompetenz connects to nothing but that server.</source>
        <translation>&lt;b&gt;Willkommen!&lt;/b&gt; Jedes Modul besteht aus kurzen Lektionen und einem Quiz am Ende. Lesen Sie die Lektionen in beliebiger Reihenfolge; Ihr Fortschritt wird sofort auf dem Server Ihrer Schule gespeichert. Wenn Sie das Quiz eines Moduls bestehen, erhalten Sie eine Teilnahmebescheinigung für Ihre Fortbildungsnachweise. Kompetenz verbindet sich mit nichts anderem als diesem Server.</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>Verstanden</translation>
    </message>
    <message>
        <source>Close the introduction</source>
        <translation>Einführung schließen</translation>
    </message>
    <message>
        <source>These modules could not be loaded. The others work normally:</source>
        <translation>Diese Module konnten nicht geladen werden. Alle anderen funktionieren normal:</translation>
    </message>
    <message>
        <source>Hello, %1</source>
        <translation>Hallo, %1</translation>
    </message>
    <message>
        <source>%1 of %2 lessons read · %3 of %4 quizzes passed · about %5 min to go</source>
        <translation>%1 von %2 Lektionen gelesen · %3 von %4 Quiz bestanden · noch etwa %5 min</translation>
    </message>
    <message>
        <source>Continue: %1 →</source>
        <translation>Weiter: %1 →</translation>
    </message>
</context>
<context>
    <name>LessonOutline</name>
    <message>
        <source>Sections of this lesson</source>
        <translation>Abschnitte dieser Lektion</translation>
    </message>
    <message>
        <source>Jump to a section…</source>
        <translation>Zu einem Abschnitt springen…</translation>
    </message>
    <message>
        <source>level</source>
        <translation>Ebene</translation>
    </message>
</context>
<context>
    <name>LessonPage</name>
    <message>
        <source>Lesson text</source>
        <translation>Lektionstext</translation>
    </message>
    <message>
        <source>Module overview</source>
        <translation>Modulübersicht</translation>
    </message>
    <message>
        <source>Back to the module overview</source>
        <translation>Zurück zur Modulübersicht</translation>
    </message>
    <message>
        <source>← Previous lesson</source>
        <translation>← Vorherige Lektion</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Als gelesen markieren</translation>
    </message>
    <message>
        <source>Mark this lesson as read</source>
        <translation>Diese Lektion als gelesen markieren</translation>
    </message>
    <message>
        <source>Next lesson →</source>
        <translation>Nächste Lektion →</translation>
    </message>
    <message>
        <source>Your notes on this lesson</source>
        <translation>Ihre Notizen zu dieser Lektion</translation>
    </message>
    <message>
        <source>Your notes on this lesson. They are saved as you type and stay on this computer.</source>
        <translation>Ihre Notizen zu dieser Lektion. Was Sie hier schreiben, wird sofort gespeichert und bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <source>Your notes on this lesson. They are saved as you type, on your school&apos;s server; the school leadership cannot see them.</source>
        <translation>Ihre Notizen zu dieser Lektion. Was Sie hier schreiben, wird sofort auf dem Server Ihrer Schule gespeichert; die Schulleitung kann es nicht sehen.</translation>
    </message>
    <message>
        <source>My notes</source>
        <translation>Meine Notizen</translation>
    </message>
    <message>
        <source>Templates for this lesson</source>
        <translation>Vorlagen zu dieser Lektion</translation>
    </message>
    <message>
        <source>This lesson cannot be shown: %1</source>
        <translation>Diese Lektion kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Lesson %1 of %2</source>
        <translation>Lektion %1 von %2</translation>
    </message>
    <message>
        <source>Finish module →</source>
        <translation>Modul abschließen →</translation>
    </message>
    <message>
        <source>✔ Read</source>
        <translation>✔ Gelesen</translation>
    </message>
    <message>
        <source>Lesson marked as read.</source>
        <translation>Lektion als gelesen markiert.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Your data cannot be opened</source>
        <translation>Ihre Daten können nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation>Die tägliche Sicherung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Kompetenz is already open</source>
        <translation>Kompetenz ist bereits geöffnet</translation>
    </message>
    <message>
        <source>Show the open window</source>
        <translation>Geöffnetes Fenster zeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Kompetenz can restore the newest backup. The damaged file is kept beside it.</source>
        <translation>Kompetenz kann die neueste Sicherung wiederherstellen. Die beschädigte Datei bleibt daneben erhalten.</translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation>Neueste Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Wiederherstellung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message>
        <source>Opening your data…</source>
        <translation>Ihre Daten werden geöffnet…</translation>
    </message>
    <message>
        <source>Your data is stored in %1</source>
        <translation>Ihre Daten werden hier gespeichert: %1</translation>
    </message>
    <message>
        <source>Your data is stored on your school&apos;s server %1</source>
        <translation>Ihre Daten werden auf dem Server Ihrer Schule gespeichert: %1</translation>
    </message>
    <message>
        <source>The search is not available: %1</source>
        <translation>Die Suche ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>The quiz of this module cannot be started:
%1</source>
        <translation>Das Quiz dieses Moduls kann nicht gestartet werden:
%1</translation>
    </message>
    <message>
        <source>true</source>
        <translation>wahr</translation>
    </message>
    <message>
        <source>false</source>
        <translation>falsch</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kompetenz %1&lt;/h3&gt;&lt;p&gt;An offline course in AI literacy for school staff.&lt;/p&gt;&lt;p&gt;Licence: GPL-3.0-or-later.&lt;/p&gt;&lt;p&gt;Your data is stored only on this computer, in:&lt;br/&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Kompetenz never connects to the internet.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kompetenz %1&lt;/h3&gt;&lt;p&gt;Ein Offline-Kurs zur KI-Kompetenz für Beschäftigte an Schulen.&lt;/p&gt;&lt;p&gt;Lizenz: GPL-3.0-or-later.&lt;/p&gt;&lt;p&gt;Ihre Daten werden nur auf diesem Computer gespeichert, im Ordner:&lt;br/&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Kompetenz verbindet sich nie mit dem Internet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kompetenz %1&lt;/h3&gt;&lt;p&gt;An offline course in AI literacy for school staff.&lt;/p&gt;&lt;p&gt;Licence: GPL-3.0-or-later.&lt;/p&gt;&lt;p&gt;Your data is stored on your school&apos;s server:&lt;br/&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Kompetenz connects to nothing but that server.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kompetenz %1&lt;/h3&gt;&lt;p&gt;Ein Offline-Kurs zur KI-Kompetenz für Beschäftigte an Schulen.&lt;/p&gt;&lt;p&gt;Lizenz: GPL-3.0-or-later.&lt;/p&gt;&lt;p&gt;Ihre Daten werden auf dem Server Ihrer Schule gespeichert:&lt;br/&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Kompetenz verbindet sich mit nichts anderem als diesem Server.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Portable mode:&lt;/b&gt; the data folder is beside the program (file &lt;code&gt;portable&lt;/code&gt;); nothing is stored in your user profile.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Portabler Modus:&lt;/b&gt; Der Datenordner liegt neben dem Programm (Datei &lt;code&gt;portable&lt;/code&gt;); in Ihrem Benutzerprofil wird nichts gespeichert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Kompetenz</source>
        <translation>Über Kompetenz</translation>
    </message>
    <message>
        <source>Kompetenz cannot save here</source>
        <translation>Kompetenz kann hier nicht speichern</translation>
    </message>
    <message>
        <source>Portable mode</source>
        <translation>Portabler Modus</translation>
    </message>
    <message>
        <source>Your data is stored beside the program, in %1</source>
        <translation>Ihre Daten liegen neben dem Programm, im Ordner %1</translation>
    </message>
</context>
<context>
    <name>MatchingWidget</name>
    <message>
        <source>Match for: %1</source>
        <translation>Zuordnung für: %1</translation>
    </message>
    <message>
        <source>– choose –</source>
        <translation>– bitte wählen –</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Switch profile…</source>
        <translation>&amp;Profil wechseln…</translation>
    </message>
    <message>
        <source>&amp;Install content pack…</source>
        <translation>&amp;Inhaltspaket installieren…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>My &amp;modules</source>
        <translation>&amp;Meine Module</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suche</translation>
    </message>
    <message>
        <source>My &amp;progress</source>
        <translation>Mein &amp;Fortschritt</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>School &amp;overview (school leadership)</source>
        <translation>&amp;Übersicht der Schule (Schulleitung)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Kompetenz &amp;help</source>
        <translation>Kompetenz-&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Kompetenz</source>
        <translation>Ü&amp;ber Kompetenz</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>My modules</source>
        <translation>Meine Module</translation>
    </message>
    <message>
        <source>Search the course</source>
        <translation>Kurs durchsuchen</translation>
    </message>
    <message>
        <source>My progress</source>
        <translation>Mein Fortschritt</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
</context>
<context>
    <name>ModuleList</name>
    <message>
        <source>%1 of %2 lessons read</source>
        <translation>%1 von %2 Lektionen gelesen</translation>
    </message>
    <message>
        <source>Resume quiz – question %1 of %2</source>
        <translation>Quiz fortsetzen – Frage %1 von %2</translation>
    </message>
    <message>
        <source>✔ quiz passed (%1 %)</source>
        <translation>✔ Quiz bestanden (%1 %)</translation>
    </message>
    <message>
        <source>quiz: best %1 %, not yet passed</source>
        <translation>Quiz: bestes Ergebnis %1 %, noch nicht bestanden</translation>
    </message>
    <message>
        <source>quiz open</source>
        <translation>Quiz offen</translation>
    </message>
    <message>
        <source>about %1 min to go</source>
        <translation>noch etwa %1 min</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
</context>
<context>
    <name>ModulePage</name>
    <message>
        <source>About this module</source>
        <translation>Über dieses Modul</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lektionen</translation>
    </message>
    <message>
        <source>Start quiz</source>
        <translation>Quiz starten</translation>
    </message>
    <message>
        <source>Export certificate…</source>
        <translation>Zertifikat speichern…</translation>
    </message>
    <message>
        <source>Templates for your school</source>
        <translation>Vorlagen für Ihre Schule</translation>
    </message>
    <message>
        <source>✔ read</source>
        <translation>✔ gelesen</translation>
    </message>
    <message>
        <source>◐ started</source>
        <translation>◐ begonnen</translation>
    </message>
    <message>
        <source>○ not started</source>
        <translation>○ nicht begonnen</translation>
    </message>
    <message>
        <source>Pass mark: %1 %.</source>
        <translation>Bestehensgrenze: %1 %.</translation>
    </message>
    <message>
        <source>Quiz passed with %1 %.</source>
        <translation>Quiz mit %1 % bestanden.</translation>
    </message>
    <message>
        <source>Best result so far: %1 %.</source>
        <translation>Bisher bestes Ergebnis: %1 %.</translation>
    </message>
    <message>
        <source>Quiz paused: %1 of %2 questions answered.</source>
        <translation>Quiz unterbrochen: %1 von %2 Fragen beantwortet.</translation>
    </message>
    <message>
        <source>Quiz not taken yet.</source>
        <translation>Quiz noch nicht bearbeitet.</translation>
    </message>
    <message>
        <source>Pass the quiz to receive a certificate for this module.</source>
        <translation>Bestehen Sie das Quiz, um die Teilnahmebescheinigung für dieses Modul zu erhalten.</translation>
    </message>
    <message>
        <source>You will learn to</source>
        <translation>Nach diesem Modul können Sie:</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>Time needed</source>
        <translation>Zeitbedarf</translation>
    </message>
    <message>
        <source>about %1 minutes</source>
        <translation>etwa %1 Minuten</translation>
    </message>
    <message>
        <source>Facts as of</source>
        <translation>Stand der Angaben</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Resume quiz – question %1 of %2</source>
        <translation>Quiz fortsetzen – Frage %1 von %2</translation>
    </message>
    <message>
        <source>No attempts left</source>
        <translation>Keine Versuche mehr</translation>
    </message>
    <message>
        <source>Retake quiz</source>
        <translation>Quiz wiederholen</translation>
    </message>
    <message>
        <source>Attempts: %1 of %2.</source>
        <translation>Versuche: %1 von %2.</translation>
    </message>
</context>
<context>
    <name>PackFlow</name>
    <message>
        <source>Install content pack</source>
        <translation>Inhaltspaket installieren</translation>
    </message>
    <message>
        <source>Kompetenz content packs (*.kompetenz)</source>
        <translation>Kompetenz-Inhaltspakete (*.kompetenz)</translation>
    </message>
    <message>
        <source>Checking and installing the content pack…</source>
        <translation>Das Inhaltspaket wird geprüft und installiert…</translation>
    </message>
    <message>
        <source>Content pack</source>
        <translation>Inhaltspaket</translation>
    </message>
    <message>
        <source>The content pack was installed.</source>
        <translation>Das Inhaltspaket wurde installiert.</translation>
    </message>
    <message>
        <source>The content pack was not installed. Nothing was changed.
%1</source>
        <translation>Das Inhaltspaket wurde nicht installiert. Es wurde nichts verändert.
%1</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>More buttons</source>
        <translation>Weitere Schaltflächen</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Seitenzahl</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Druckvorschau</translation>
    </message>
</context>
<context>
    <name>ProfileFlow</name>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Passwort für %1:</translation>
    </message>
    <message>
        <source>The password is not correct. Please try again.</source>
        <translation>Das Passwort ist nicht richtig. Bitte versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Rolle ändern</translation>
    </message>
    <message>
        <source>Your role decides which modules form your learning path and are needed for the „Zertifikat KI-Kompetenz“. Certificates already issued stay as they are.

Your role:</source>
        <translation>Ihre Rolle bestimmt, welche Module Ihren Lernpfad bilden und für das „Zertifikat KI-Kompetenz“ nötig sind. Bereits ausgestellte Zertifikate bleiben, wie sie sind.

Ihre Rolle:</translation>
    </message>
    <message>
        <source>Delete the profile &quot;%1&quot; and everything recorded for it – lessons read, quiz answers, notes, reflections and issued certificates? This cannot be undone.</source>
        <translation>Möchten Sie das Profil „%1“ mit allem löschen, was dazu gespeichert ist – gelesene Lektionen, Quiz-Antworten, Notizen, Reflexionen und ausgestellte Zertifikate? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Profile deleted</source>
        <translation>Profil gelöscht</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; was deleted: %2 records in the database and %3 files were erased, and it was removed from %4 backups.</source>
        <translation>Das Profil „%1“ wurde gelöscht: %2 Einträge in der Datenbank und %3 Dateien wurden entfernt, und es wurde aus %4 Sicherungen entfernt.</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Who is learning?</source>
        <translation>Wer lernt?</translation>
    </message>
    <message>
        <source>Profiles on this computer</source>
        <translation>Profile auf diesem Computer</translation>
    </message>
    <message>
        <source>Your profiles on the school&apos;s server</source>
        <translation>Ihre Profile auf dem Server der Schule</translation>
    </message>
    <message>
        <source>Open profile</source>
        <translation>Profil öffnen</translation>
    </message>
    <message>
        <source>Open the selected profile</source>
        <translation>Ausgewähltes Profil öffnen</translation>
    </message>
    <message>
        <source>New profile…</source>
        <translation>Neues Profil…</translation>
    </message>
    <message>
        <source>Create a new profile</source>
        <translation>Neues Profil anlegen</translation>
    </message>
    <message>
        <source>Delete profile…</source>
        <translation>Profil löschen…</translation>
    </message>
    <message>
        <source>Delete the selected profile and all its data</source>
        <translation>Ausgewähltes Profil mit allen Daten löschen</translation>
    </message>
    <message>
        <source>Wrong password. You can try again in %1 s.</source>
        <translation>Falsches Passwort. Ein neuer Versuch ist in %1 s möglich.</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Ausgestellt am</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Schulleitung</translation>
    </message>
    <message>
        <source>AI literacy certificate</source>
        <translation>Zertifikat KI-Kompetenz</translation>
    </message>
    <message>
        <source>Certificate of participation</source>
        <translation>Teilnahmebescheinigung</translation>
    </message>
    <message>
        <source>%1 modules</source>
        <translation>%1 Module</translation>
    </message>
    <message>
        <source>released</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>not released</source>
        <translation>nicht freigegeben</translation>
    </message>
    <message>
        <source>My progress</source>
        <translation>Mein Fortschritt</translation>
    </message>
    <message>
        <source>Issued certificates</source>
        <translation>Ausgestellte Zertifikate</translation>
    </message>
    <message>
        <source>No certificates yet. Pass a module&apos;s quiz to receive one.</source>
        <translation>Noch keine Zertifikate. Bestehen Sie das Quiz eines Moduls, um eines zu erhalten.</translation>
    </message>
    <message>
        <source>Export again…</source>
        <translation>Erneut speichern…</translation>
    </message>
    <message>
        <source>Export the selected certificate again</source>
        <translation>Ausgewähltes Zertifikat erneut speichern</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Print the selected certificate</source>
        <translation>Das ausgewählte Zertifikat drucken</translation>
    </message>
    <message>
        <source>Save as Open Badge…</source>
        <translation>Als Open Badge speichern…</translation>
    </message>
    <message>
        <source>Save the selected certificate as an Open Badge</source>
        <translation>Das ausgewählte Zertifikat als Open Badge speichern</translation>
    </message>
    <message>
        <source>Release to school…</source>
        <translation>Freigeben…</translation>
    </message>
    <message>
        <source>Release the selected certificate to the school leadership</source>
        <translation>Das gewählte Zertifikat für die Schulleitung freigeben</translation>
    </message>
    <message>
        <source>Save my learning record…</source>
        <translation>Lernnachweis speichern…</translation>
    </message>
    <message>
        <source>Save the whole learning record as one PDF</source>
        <translation>Den gesamten Lernnachweis als eine PDF-Datei speichern</translation>
    </message>
    <message>
        <source>Print my learning record…</source>
        <translation>Lernnachweis drucken…</translation>
    </message>
    <message>
        <source>Print the whole learning record</source>
        <translation>Den gesamten Lernnachweis drucken</translation>
    </message>
    <message>
        <source>Lessons read</source>
        <translation>Gelesene Lektionen</translation>
    </message>
    <message>
        <source>Quiz results</source>
        <translation>Quiz-Ergebnisse</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>Overall: %1 of %2 lessons read · %3 of %4 quizzes passed · %5 of learning</source>
        <translation>Insgesamt: %1 von %2 Lektionen gelesen · %3 von %4 Quiz bestanden · %5 Lernzeit</translation>
    </message>
    <message>
        <source>%1 of %2 lessons · %3</source>
        <translation>%1 von %2 Lektionen · %3</translation>
    </message>
    <message>
        <source>Quiz not taken yet. Pass mark: %1.</source>
        <translation>Quiz noch nicht bearbeitet. Bestehensgrenze: %1.</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>not yet passed</source>
        <translation>noch nicht bestanden</translation>
    </message>
    <message>
        <source>Best result %1 – %2 · attempts: %3 · pass mark %4</source>
        <translation>Bestes Ergebnis %1 – %2 · Versuche: %3 · Bestehensgrenze %4</translation>
    </message>
    <message>
        <source>Withdraw release…</source>
        <translation>Freigabe zurücknehmen…</translation>
    </message>
    <message>
        <source>The school leadership will no longer see the selected certificate</source>
        <translation>Die Schulleitung sieht das gewählte Zertifikat dann nicht mehr</translation>
    </message>
</context>
<context>
    <name>QuizPage</name>
    <message>
        <source>Pause quiz</source>
        <translation>Quiz unterbrechen</translation>
    </message>
    <message>
        <source>Question and answers</source>
        <translation>Frage und Antworten</translation>
    </message>
    <message>
        <source>Your answers so far are kept; you can resume later.</source>
        <translation>Ihre bisherigen Antworten bleiben gespeichert; Sie können später weitermachen.</translation>
    </message>
    <message>
        <source>Confirm answer</source>
        <translation>Antwort bestätigen</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Frage %1 von %2</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>Lücke</translation>
    </message>
    <message>
        <source>Confirm and finish</source>
        <translation>Bestätigen und abschließen</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Please answer first.</source>
        <translation>Bitte antworten Sie zuerst.</translation>
    </message>
    <message>
        <source>Answer saved.</source>
        <translation>Antwort gespeichert.</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Review of your answers</source>
        <translation>Auswertung Ihrer Antworten</translation>
    </message>
    <message>
        <source>Back to the module</source>
        <translation>Zurück zum Modul</translation>
    </message>
    <message>
        <source>Take the quiz again</source>
        <translation>Quiz wiederholen</translation>
    </message>
    <message>
        <source>✔ Passed: %1 % (pass mark %2 %).</source>
        <translation>✔ Bestanden: %1 % (Bestehensgrenze %2 %).</translation>
    </message>
    <message>
        <source>✘ Not passed yet: %1 % (pass mark %2 %). Read the review and try again.</source>
        <translation>✘ Noch nicht bestanden: %1 % (Bestehensgrenze %2 %). Lesen Sie die Auswertung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>✔ right</source>
        <translation>✔ richtig</translation>
    </message>
    <message>
        <source>◐ partly right</source>
        <translation>◐ teilweise richtig</translation>
    </message>
    <message>
        <source>✘ wrong</source>
        <translation>✘ falsch</translation>
    </message>
    <message>
        <source>✎ not graded</source>
        <translation>✎ nicht bewertet</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>Frage %1</translation>
    </message>
    <message>
        <source>Your answer:</source>
        <translation>Ihre Antwort:</translation>
    </message>
    <message>
        <source>Right answer:</source>
        <translation>Richtige Antwort:</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Teacher</source>
        <translation>Lehrkraft</translation>
    </message>
    <message>
        <source>School leadership</source>
        <translation>Schulleitung</translation>
    </message>
    <message>
        <source>Administration / school office</source>
        <translation>Verwaltung/Sekretariat</translation>
    </message>
    <message>
        <source>Other school staff (caretaker, after-school care, school assistance, school social work, IT)</source>
        <translation>weiteres Schulpersonal (Hausmeister, OGS, Schulbegleitung, Schulsozialarbeit, IT)</translation>
    </message>
</context>
<context>
    <name>SchoolImport</name>
    <message>
        <source>A certificate does not state the person&apos;s role.
Import one role at a time.

Role of the staff on these %1 certificates:</source>
        <translation>Ein Zertifikat nennt die Rolle der Person nicht.
Importieren Sie eine Rolle nach der anderen.

Rolle der Beschäftigten auf diesen %1 Zertifikaten:</translation>
    </message>
    <message>
        <source>Import certificates and badges</source>
        <translation>Zertifikate und Badges importieren</translation>
    </message>
</context>
<context>
    <name>SchoolPage</name>
    <message>
        <source>School overview</source>
        <translation>Übersicht der Schule</translation>
    </message>
    <message>
        <source>Completion only: name, role, module, completion date, version and certificate number of what staff released or handed in. Never scores, answers, notes or time — monitoring staff performance would need the staff council (Personalrat).</source>
        <translation>Nur Abschlüsse: Name, Rolle, Modul, Abschlussdatum, Version und Zertifikatsnummer dessen, was das Kollegium freigegeben oder abgegeben hat. Nie Punktzahlen, Antworten, Notizen oder Zeiten – eine Leistungskontrolle des Personals bräuchte die Zustimmung des Personalrats.</translation>
    </message>
    <message>
        <source>Show role</source>
        <translation>Rolle anzeigen</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Alle Rollen</translation>
    </message>
    <message>
        <source>Staff and modules</source>
        <translation>Personal und Module</translation>
    </message>
    <message>
        <source>Save documentation…</source>
        <translation>Dokumentation speichern…</translation>
    </message>
    <message>
        <source>Save the Art. 4 documentation as PDF or CSV</source>
        <translation>Die Dokumentation nach Art. 4 als PDF oder CSV speichern</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>refresh due</source>
        <translation>Auffrischung fällig</translation>
    </message>
    <message>
        <source>Import certificates and badges…</source>
        <translation>Zertifikate und Badges importieren…</translation>
    </message>
    <message>
        <source>Check and add the certificates (PDF) and Open Badges staff handed in</source>
        <translation>Die vom Personal eingereichten Zertifikate (PDF) und Open Badges prüfen und aufnehmen</translation>
    </message>
    <message>
        <source>Reading the school overview…</source>
        <translation>Die Schulübersicht wird gelesen…</translation>
    </message>
    <message>
        <source>The school overview could not be read: %1</source>
        <translation>Die Schulübersicht konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>People: %1 · completions: %2 · due for refresh: %3</source>
        <translation>Personen: %1 · Abschlüsse: %2 · Auffrischung fällig: %3</translation>
    </message>
    <message>
        <source>No completions of staff in this role yet.</source>
        <translation>Noch keine Abschlüsse von Beschäftigten in dieser Rolle.</translation>
    </message>
    <message>
        <source>No completions yet. They appear here when staff release a certificate to the school (on a school server) or when you import the certificates and badges they handed in.</source>
        <translation>Noch keine Abschlüsse. Sie erscheinen hier, sobald Beschäftigte ein Zertifikat für die Schulleitung freigeben (auf einem Schulserver) oder Sie abgegebene Zertifikate und Badges importieren.</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>Import certificates and badges</source>
        <translation>Zertifikate und Badges importieren</translation>
    </message>
    <message>
        <source>Certificates and Open Badges (*.pdf *.json *.png *.svg)</source>
        <translation>Zertifikate und Open Badges (*.pdf *.json *.png *.svg)</translation>
    </message>
    <message>
        <source>Role unknown</source>
        <translation>Rolle unbekannt</translation>
    </message>
    <message>
        <source>Checking the handed-in files…</source>
        <translation>Die eingereichten Dateien werden geprüft…</translation>
    </message>
    <message>
        <source>The import stopped: %1

Files recorded before stay recorded. Choose the files again later; those already recorded show as „bereits vorhanden“.</source>
        <translation>Der Import wurde abgebrochen: %1

Bereits aufgenommene Dateien bleiben aufgenommen. Wählen Sie die Dateien später erneut; schon aufgenommene erscheinen dann als „bereits vorhanden“.</translation>
    </message>
    <message>
        <source>Save documentation</source>
        <translation>Dokumentation speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;CSV (*.csv)</source>
        <translation>PDF (*.pdf);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saving the documentation…</source>
        <translation>Die Dokumentation wird gespeichert…</translation>
    </message>
    <message>
        <source>The documentation could not be saved: %1</source>
        <translation>Die Dokumentation konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Documentation saved: %1</source>
        <translation>Dokumentation gespeichert: %1</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Lehrkraft</translation>
    </message>
    <message>
        <source>School leadership</source>
        <translation>Schulleitung</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <source>Other staff</source>
        <translation>Weiteres Schulpersonal</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Lesson in %1</source>
        <translation>Lektion in %1</translation>
    </message>
    <message>
        <source>Section in %1</source>
        <translation>Abschnitt in %1</translation>
    </message>
    <message>
        <source>Search the course</source>
        <translation>Kurs durchsuchen</translation>
    </message>
    <message>
        <source>Search all lessons, e.g. Datenschutz</source>
        <translation>Alle Lektionen durchsuchen, z. B. Datenschutz</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Preparing the search…</source>
        <translation>Die Suche wird vorbereitet…</translation>
    </message>
    <message>
        <source>Type a word to search all lessons. Results appear as you type.</source>
        <translation>Geben Sie ein Wort ein, um alle Lektionen zu durchsuchen. Die Ergebnisse erscheinen schon beim Tippen.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”. Check the spelling, or try fewer or shorter words.</source>
        <translation>Für „%1“ wurde nichts gefunden. Prüfen Sie die Schreibweise oder versuchen Sie es mit weniger oder kürzeren Wörtern.</translation>
    </message>
    <message>
        <source>The first %1 results are shown. Add a word to narrow the search.</source>
        <translation>Die ersten %1 Ergebnisse werden angezeigt. Fügen Sie ein Wort hinzu, um die Suche einzugrenzen.</translation>
    </message>
    <message>
        <source>Results: %1. Press Enter or click a result to open it.</source>
        <translation>Ergebnisse: %1. Drücken Sie die Eingabetaste oder klicken Sie auf ein Ergebnis, um es zu öffnen.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>ℹ A new language is used from the next start of Kompetenz.</source>
        <translation>ℹ Eine neue Sprache gilt ab dem nächsten Start von Kompetenz.</translation>
    </message>
    <message>
        <source>Text size in percent</source>
        <translation>Textgröße in Prozent</translation>
    </message>
    <message>
        <source>This is how the text of a lesson will look. Is it easy to read?</source>
        <translation>So sieht der Text einer Lektion aus. Ist er gut lesbar?</translation>
    </message>
    <message>
        <source>Colour theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Restore the default settings</source>
        <translation>Standardeinstellungen wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Text size:</source>
        <translation>&amp;Textgröße:</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
</context>
<context>
    <name>TemplateBox</name>
    <message>
        <source>%1 …</source>
        <translation>%1 …</translation>
    </message>
    <message>
        <source>Open the template %1</source>
        <translation>Vorlage %1 öffnen</translation>
    </message>
    <message>
        <source>Show, print or save as an editable document (ODT)</source>
        <translation>Anzeigen, drucken oder als bearbeitbares Dokument (ODT) speichern</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>This template cannot be shown: %1</source>
        <translation>Diese Vorlage kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Template: %1</source>
        <translation>Vorlage: %1</translation>
    </message>
    <message>
        <source>A template for your school: print it, or save it as an editable document (ODT, opens in LibreOffice and Word) and adapt it there.</source>
        <translation>Eine Vorlage für Ihre Schule: Drucken Sie sie aus, oder speichern Sie sie als bearbeitbares Dokument (ODT, öffnet sich in LibreOffice und Word) und passen Sie sie dort an.</translation>
    </message>
    <message>
        <source>Template %1</source>
        <translation>Vorlage %1</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken …</translation>
    </message>
    <message>
        <source>Print the template</source>
        <translation>Vorlage drucken</translation>
    </message>
    <message>
        <source>&amp;Save as editable document (ODT)…</source>
        <translation>Als bearbeitbares Dokument (ODT) &amp;speichern …</translation>
    </message>
    <message>
        <source>Save the template as an editable document</source>
        <translation>Vorlage als bearbeitbares Dokument speichern</translation>
    </message>
    <message>
        <source>Save the template „%1“ as an editable document</source>
        <translation>Vorlage „%1“ als bearbeitbares Dokument speichern</translation>
    </message>
    <message>
        <source>OpenDocument text (*.odt)</source>
        <translation>OpenDocument-Text (*.odt)</translation>
    </message>
    <message>
        <source>The file %1 could not be written. Choose another folder.</source>
        <translation>Die Datei %1 konnte nicht geschrieben werden. Wählen Sie einen anderen Ordner.</translation>
    </message>
</context>
<context>
    <name>TextWidget</name>
    <message>
        <source>Your answer (a number)</source>
        <translation>Ihre Antwort (eine Zahl)</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Ihre Antwort</translation>
    </message>
    <message>
        <source>e.g. 3,5</source>
        <translation>z. B. 3,5</translation>
    </message>
</context>
<context>
    <name>TrueFalseWidget</name>
    <message>
        <source>&amp;1  True</source>
        <translation>&amp;1  Wahr</translation>
    </message>
    <message>
        <source>&amp;2  False</source>
        <translation>&amp;2  Falsch</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Kompetenz</source>
        <translation>Willkommen bei Kompetenz</translation>
    </message>
    <message>
        <source>Kompetenz teaches the basics of generative AI for school, offline. Everything you enter stays on this computer. Please enter your name as it should appear on your certificates.</source>
        <translation>Kompetenz vermittelt offline die Grundlagen generativer KI für die Schule. Alles, was Sie eingeben, bleibt auf diesem Computer. Bitte geben Sie Ihren Namen so ein, wie er auf Ihren Zertifikaten stehen soll.</translation>
    </message>
    <message>
        <source>Kompetenz teaches the basics of generative AI for school. Everything you enter is saved on your school&apos;s server and nowhere else. Please enter your name as it should appear on your certificates.</source>
        <translation>Kompetenz vermittelt die Grundlagen generativer KI für die Schule. Alles, was Sie eingeben, wird auf dem Server Ihrer Schule gespeichert und nirgendwo sonst. Bitte geben Sie Ihren Namen so ein, wie er auf Ihren Zertifikaten stehen soll.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Your school (optional)</source>
        <translation>Ihre Schule (optional)</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Ihre Rolle</translation>
    </message>
    <message>
        <source>Password (optional)</source>
        <translation>Passwort (optional)</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>On a PC that colleagues share, a password keeps others from opening your profile. If you forget it, the profile cannot be opened again.</source>
        <translation>An einem PC, den Sie mit Kolleginnen und Kollegen teilen, verhindert ein Passwort, dass andere Ihr Profil öffnen. Wenn Sie es vergessen, lässt sich das Profil nicht mehr öffnen.</translation>
    </message>
    <message>
        <source>Start learning</source>
        <translation>Lernen beginnen</translation>
    </message>
    <message>
        <source>Back to the profiles</source>
        <translation>Zurück zu den Profilen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;School (optional):</source>
        <translation>&amp;Schule (optional):</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>&amp;Password (optional):</source>
        <translation>&amp;Passwort (optional):</translation>
    </message>
    <message>
        <source>Re&amp;peat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Please enter your name. It appears on your certificates.</source>
        <translation>Bitte geben Sie Ihren Namen ein. Er erscheint auf Ihren Zertifikaten.</translation>
    </message>
    <message>
        <source>The two passwords differ. Please type them again.</source>
        <translation>Die beiden Passwörter stimmen nicht überein. Bitte geben Sie sie erneut ein.</translation>
    </message>
</context>
</TS>
