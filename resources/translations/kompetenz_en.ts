<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BadgeHolderDialog</name>
    <message>
        <source>Open Badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An Open Badge names its holder only in encrypted form. Enter the name exactly as on the certificate; a wrong name is refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the person on %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skip this file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateFlow</name>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as Open Badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Badge (*.png *.svg *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the Open Badge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release to school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The school leadership will see your name, role, the modules with completion date and version, and the certificate number of %1 — never scores, answers, notes or time. Without a school server, hand in the PDF instead. Release it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releasing certificate %1 to the school…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The school leadership will no longer see certificate %1. The certificate itself stays valid. Withdraw the release?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawing the release of certificate %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate %1 released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release of certificate %1 withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate was not released: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The release was not withdrawn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save learning record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the learning record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning record saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learning record could not be saved: %1
Choose another folder and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learning record could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate could not be saved: %1
Choose another folder and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons read per module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No modules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz results: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No quiz attempts yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts: %1. Scores, oldest first: %2. Pass mark %3. Passed: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass mark %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceWidget</name>
    <message>
        <source>Several answers can be right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EssayWidget</name>
    <message>
        <source>Your reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reflection is not graded. It stays on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reflection is not graded. It is saved on your school&apos;s server; the school leadership cannot see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a module on the start page, then a lesson. Read at your own pace; a lesson counts as read when you mark it or move on from its end. The module page shows which lessons you have read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each module ends with a short quiz. Every answer is saved at once, so you can pause and continue later. You pass when you reach the pass mark shown on the module page, usually 80 %. You can try again; your best result counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After passing a quiz you can save a certificate as a PDF file. It carries a digital signature and a QR code. Your school can check it with the command “kompetenz certificate verify”; any change to the file makes the check fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your progress is stored only on this computer, in the folder %1. Kompetenz never connects to the internet and sends nothing anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your progress, notes and reflections are stored on your school&apos;s server (%1). The school leadership sees only the certificates you release to it. Kompetenz connects to nothing but that server and sends nothing anywhere else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing a computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a shared staff-room computer, each colleague creates their own profile. Protect yours with a password so that nobody else continues in your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search all lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to your modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab, arrow keys, Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move around and open what is selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 9, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the quiz: pick an answer and confirm it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Your modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%p % done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue where you left off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your role and learning path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your learning path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Further modules (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Further modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a module to open it, or choose it with the arrow keys and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No modules were found. Ask your trainer for a content pack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No module is required for your role (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your learning path as %1: these modules lead to the certificate „Zertifikat KI-Kompetenz“</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome!&lt;/b&gt; Each module has short lessons and a quiz at the end. Read the lessons in any order; your progress is saved at once. Pass a module&apos;s quiz to get a certificate for your continuing-education records. Everything stays on this computer – Kompetenz works without internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome!&lt;/b&gt; Each module has short lessons and a quiz at the end. Read the lessons in any order; your progress is saved at once, on your school&apos;s server. Pass a module&apos;s quiz to get a certificate for your continuing-education records. Kompetenz connects to nothing but that server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Got it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the introduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These modules could not be loaded. The others work normally:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hello, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 lessons read · %3 of %4 quizzes passed · about %5 min to go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue: %1 →</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonOutline</name>
    <message>
        <source>Sections of this lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to a section…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>level</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonPage</name>
    <message>
        <source>Lesson text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the module overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Previous lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark this lesson as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next lesson →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes on this lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes on this lesson. They are saved as you type and stay on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes on this lesson. They are saved as you type, on your school&apos;s server; the school leadership cannot see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates for this lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This lesson cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish module →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson marked as read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Your data cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kompetenz is already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the open window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kompetenz can restore the newest backup. The damaged file is kept beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data is stored in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data is stored on your school&apos;s server %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quiz of this module cannot be started:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kompetenz %1&lt;/h3&gt;&lt;p&gt;An offline course in AI literacy for school staff.&lt;/p&gt;&lt;p&gt;Licence: GPL-3.0-or-later.&lt;/p&gt;&lt;p&gt;Your data is stored only on this computer, in:&lt;br/&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Kompetenz never connects to the internet.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kompetenz %1&lt;/h3&gt;&lt;p&gt;An offline course in AI literacy for school staff.&lt;/p&gt;&lt;p&gt;Licence: GPL-3.0-or-later.&lt;/p&gt;&lt;p&gt;Your data is stored on your school&apos;s server:&lt;br/&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Kompetenz connects to nothing but that server.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Portable mode:&lt;/b&gt; the data folder is beside the program (file &lt;code&gt;portable&lt;/code&gt;); nothing is stored in your user profile.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Kompetenz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kompetenz cannot save here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portable mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data is stored beside the program, in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchingWidget</name>
    <message>
        <source>Match for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– choose –</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Switch profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Install content pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School &amp;overview (school leadership)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kompetenz &amp;help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Kompetenz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModuleList</name>
    <message>
        <source>%1 of %2 lessons read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume quiz – question %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ quiz passed (%1 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quiz: best %1 %, not yet passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quiz open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 min to go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModulePage</name>
    <message>
        <source>About this module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates for your school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◐ started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass mark: %1 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz passed with %1 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best result so far: %1 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz paused: %1 of %2 questions answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz not taken yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass the quiz to receive a certificate for this module.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You will learn to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facts as of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume quiz – question %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No attempts left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retake quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts: %1 of %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackFlow</name>
    <message>
        <source>Install content pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kompetenz content packs (*.kompetenz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking and installing the content pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The content pack was installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The content pack was not installed. Nothing was changed.
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>More buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileFlow</name>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is not correct. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role decides which modules form your learning path and are needed for the „Zertifikat KI-Kompetenz“. Certificates already issued stay as they are.

Your role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the profile &quot;%1&quot; and everything recorded for it – lessons read, quiz answers, notes, reflections and issued certificates? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; was deleted: %2 records in the database and %3 files were erased, and it was removed from %4 backups.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Who is learning?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profiles on the school&apos;s server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected profile and all its data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong password. You can try again in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI literacy certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate of participation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificates yet. Pass a module&apos;s quiz to receive one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the selected certificate again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the selected certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as Open Badge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected certificate as an Open Badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release to school…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release the selected certificate to the school leadership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save my learning record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the whole learning record as one PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print my learning record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the whole learning record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall: %1 of %2 lessons read · %3 of %4 quizzes passed · %5 of learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 lessons · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz not taken yet. Pass mark: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best result %1 – %2 · attempts: %3 · pass mark %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw release…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The school leadership will no longer see the selected certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuizPage</name>
    <message>
        <source>Pause quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question and answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answers so far are kept; you can resume later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm and finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please answer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Review of your answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the quiz again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Passed: %1 % (pass mark %2 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Not passed yet: %1 % (pass mark %2 %). Read the review and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◐ partly right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✎ not graded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right answer:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School leadership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administration / school office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other school staff (caretaker, after-school care, school assistance, school social work, IT)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchoolImport</name>
    <message>
        <source>A certificate does not state the person&apos;s role.
Import one role at a time.

Role of the staff on these %1 certificates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import certificates and badges</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchoolPage</name>
    <message>
        <source>School overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion only: name, role, module, completion date, version and certificate number of what staff released or handed in. Never scores, answers, notes or time — monitoring staff performance would need the staff council (Personalrat).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff and modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save documentation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the Art. 4 documentation as PDF or CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refresh due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import certificates and badges…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check and add the certificates (PDF) and Open Badges staff handed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the school overview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The school overview could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People: %1 · completions: %2 · due for refresh: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No completions of staff in this role yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No completions yet. They appear here when staff release a certificate to the school (on a school server) or when you import the certificates and badges they handed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import certificates and badges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates and Open Badges (*.pdf *.json *.png *.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the handed-in files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import stopped: %1

Files recorded before stay recorded. Choose the files again later; those already recorded show as „bereits vorhanden“.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save documentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the documentation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The documentation could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documentation saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School leadership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other staff</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search all lessons, e.g. Datenschutz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a word to search all lessons. Results appear as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found for “%1”. Check the spelling, or try fewer or shorter words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 results are shown. Add a word to narrow the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results: %1. Press Enter or click a result to open it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ℹ A new language is used from the next start of Kompetenz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size in percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is how the text of a lesson will look. Is it easy to read?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the default settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateBox</name>
    <message>
        <source>%1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the template %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show, print or save as an editable document (ODT)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>This template cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A template for your school: print it, or save it as an editable document (ODT, opens in LibreOffice and Word) and adapt it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as editable document (ODT)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the template as an editable document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the template „%1“ as an editable document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenDocument text (*.odt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 could not be written. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextWidget</name>
    <message>
        <source>Your answer (a number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 3,5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrueFalseWidget</name>
    <message>
        <source>&amp;1  True</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;2  False</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Kompetenz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kompetenz teaches the basics of generative AI for school, offline. Everything you enter stays on this computer. Please enter your name as it should appear on your certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kompetenz teaches the basics of generative AI for school. Everything you enter is saved on your school&apos;s server and nowhere else. Please enter your name as it should appear on your certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your school (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a PC that colleagues share, a password keeps others from opening your profile. If you forget it, the profile cannot be opened again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;School (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;peat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your name. It appears on your certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ. Please type them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
