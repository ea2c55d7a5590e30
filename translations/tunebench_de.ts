<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>tbui::CheckReportPanel</name>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Run checks</source>
        <translation>Prüfungen ausführen</translation>
    </message>
    <message>
        <source>No data report yet: run the checks.</source>
        <translation>Noch kein Datenbericht: Prüfungen ausführen.</translation>
    </message>
    <message>
        <source>Exact duplicates</source>
        <translation>Exakte Duplikate</translation>
    </message>
    <message>
        <source>Near duplicates</source>
        <translation>Beinahe-Duplikate</translation>
    </message>
    <message>
        <source>Empty turns</source>
        <translation>Leere Nachrichten</translation>
    </message>
    <message>
        <source>Missing assistant reply</source>
        <translation>Fehlende Assistentenantwort</translation>
    </message>
    <message>
        <source>Role order</source>
        <translation>Rollenreihenfolge</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>Verweigerungen</translation>
    </message>
    <message>
        <source>Short answers</source>
        <translation>Kurze Antworten</translation>
    </message>
    <message>
        <source>Personal data (PII)</source>
        <translation>Personenbezogene Daten (PII)</translation>
    </message>
    <message>
        <source>System prompt mismatch</source>
        <translation>Abweichender Systemprompt</translation>
    </message>
    <message numerus="yes">
        <source>%n example(s) checked, %1 finding(s).</source>
        <translation>
            <numerusform>%n Beispiel geprüft, %1 Befund(e).</numerusform>
            <numerusform>%n Beispiele geprüft, %1 Befund(e).</numerusform>
        </translation>
    </message>
    <message>
        <source>Checked at %1</source>
        <translation>Geprüft: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>… %1 more (click the kind to see all)</source>
        <translation>… %1 weitere (Art anklicken, um alle zu sehen)</translation>
    </message>
    <message>
        <source>No findings: the data looks clean.</source>
        <translation>Keine Befunde: Die Daten sehen sauber aus.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfe…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n example(s)</source>
        <translation>
            <numerusform>%1: %n Beispiel</numerusform>
            <numerusform>%1: %n Beispiele</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tbui::ConversationView</name>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>Select an example to see its conversation.</source>
        <translation>Ein Beispiel auswählen, um den Dialog zu sehen.</translation>
    </message>
    <message>
        <source>Example %1 · %2 messages</source>
        <translation>Beispiel %1 · %2 Nachrichten</translation>
    </message>
    <message>
        <source>weight %1</source>
        <translation>Gewicht %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Source: %1:%2</source>
        <translation>Quelle: %1:%2</translation>
    </message>
</context>
<context>
    <name>tbui::DiagnosticsDialog</name>
    <message>
        <source>About Tunebench</source>
        <translation>Über Tunebench</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Tunebench %1&lt;/h2&gt;&lt;p&gt;A workbench for fine-tuning language models: curate the dataset, train LoRA adapters, evaluate against golden sets.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Tunebench %1&lt;/h2&gt;&lt;p&gt;Eine Werkbank für das Feintuning von Sprachmodellen: Datensatz kuratieren, LoRA-Adapter trainieren, gegen Golden Sets auswerten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>libtorch version:</source>
        <translation>libtorch-Version:</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>Threads:</translation>
    </message>
    <message>
        <source>%1 of %2 cores</source>
        <translation>%1 von %2 Kernen</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>keine gefunden</translation>
    </message>
    <message>
        <source>%1 (reference BLAS: matrix maths runs about 30x slower; install libopenblas0-pthread)</source>
        <translation>%1 (Referenz-BLAS: Matrixrechnung etwa 30-mal langsamer; libopenblas0-pthread installieren)</translation>
    </message>
    <message>
        <source>BLAS:</source>
        <translation>BLAS:</translation>
    </message>
    <message>
        <source>bf16 support:</source>
        <translation>bf16-Unterstützung:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>CUDA devices:</source>
        <translation>CUDA-Geräte:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>&lt;b&gt;Warnings&lt;/b&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;b&gt;Warnungen&lt;/b&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
</context>
<context>
    <name>tbui::ExampleBrowser</name>
    <message>
        <source>Search messages (full text)</source>
        <translation>Nachrichten durchsuchen (Volltext)</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>Tag:</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Aufteilung:</translation>
    </message>
    <message>
        <source>Finding:</source>
        <translation>Befund:</translation>
    </message>
    <message>
        <source>Select an example to see its conversation.</source>
        <translation>Ein Beispiel auswählen, um den Dialog zu sehen.</translation>
    </message>
    <message>
        <source>Cannot read the examples</source>
        <translation>Die Beispiele können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read the project</source>
        <translation>Das Projekt kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>any tag</source>
        <translation>jedes Tag</translation>
    </message>
    <message>
        <source>any split</source>
        <translation>jede Aufteilung</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>any finding</source>
        <translation>jeder Befund</translation>
    </message>
    <message>
        <source>Cannot read example %1: %2</source>
        <translation>Beispiel %1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>tbui::ExampleTableModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>First user message</source>
        <translation>Erste Benutzernachricht</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Nachr.</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>tbui::JobWorker</name>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>tbui::MainWindow</name>
    <message>
        <source>Tunebench</source>
        <translation>Tunebench</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>Data report</source>
        <translation>Datenbericht</translation>
    </message>
    <message>
        <source>The job failed</source>
        <translation>Der Auftrag ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Import dataset…</source>
        <translation>Datensatz &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>Projekt &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Data report</source>
        <translation>&amp;Datenbericht</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Run checks</source>
        <translation>&amp;Prüfungen ausführen</translation>
    </message>
    <message>
        <source>&amp;Diagnostics…</source>
        <translation>&amp;Diagnose…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Tunebench…</source>
        <translation>Ü&amp;ber Tunebench…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Das Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Wait for the running job to finish, or cancel it.</source>
        <translation>Warten, bis der laufende Auftrag fertig ist, oder ihn abbrechen.</translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation>Das Projekt kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>No project open.</source>
        <translation>Kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>%1 — Tunebench</source>
        <translation>%1 — Tunebench</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n example(s) shown</source>
        <translation>
            <numerusform>%1 · %n Beispiel angezeigt</numerusform>
            <numerusform>%1 · %n Beispiele angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>Tunebench projects (*.tunebench)</source>
        <translation>Tunebench-Projekte (*.tunebench)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Tunebench projects (*.tunebench);;All files (*)</source>
        <translation>Tunebench-Projekte (*.tunebench);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import dataset</source>
        <translation>Datensatz importieren</translation>
    </message>
    <message>
        <source>Datasets (*.jsonl *.json *.csv);;All files (*)</source>
        <translation>Datensätze (*.jsonl *.json *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>Import nicht möglich</translation>
    </message>
    <message>
        <source>Open or create a project first, then import %1 into it.</source>
        <translation>Zuerst ein Projekt öffnen oder anlegen, dann %1 hinein importieren.</translation>
    </message>
    <message>
        <source>Another job is running: wait for it or cancel it.</source>
        <translation>Ein anderer Auftrag läuft: auf ihn warten oder ihn abbrechen.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importiere %1…</translation>
    </message>
    <message>
        <source>Imported %1: %2 new, %3 duplicate(s), %4 rejected.</source>
        <translation>%1 importiert: %2 neu, %3 Duplikat(e), %4 abgelehnt.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>Some records were rejected</source>
        <translation>Einige Datensätze wurden abgelehnt</translation>
    </message>
    <message>
        <source>%1 of %2 record(s) in %3 were rejected and not imported. Fix them and import the file again (valid records are not duplicated).</source>
        <translation>%1 von %2 Datensätzen in %3 wurden abgelehnt und nicht importiert. Korrigieren Sie sie und importieren Sie die Datei erneut (gültige Datensätze werden nicht doppelt angelegt).</translation>
    </message>
    <message>
        <source>Checking the data…</source>
        <translation>Prüfe die Daten…</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>No data report yet: run the checks.</source>
        <translation>Noch kein Datenbericht: Prüfungen ausführen.</translation>
    </message>
</context>
</TS>
