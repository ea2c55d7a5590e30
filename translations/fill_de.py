#!/usr/bin/env python3
"""Fills German translations into tunebench_de.ts for the sources listed below.

Run after lupdate (scripts/update_translations.sh does both): entries already translated
are kept; sources missing from DE are reported so a translator can add them here.
"""
import sys
import xml.etree.ElementTree as ET

DE = {
    # Check report panel
    "Finding": "Befund",
    "Examples": "Beispiele",
    "Run checks": "Prüfungen ausführen",
    "No data report yet: run the checks.": "Noch kein Datenbericht: Prüfungen ausführen.",
    "Exact duplicates": "Exakte Duplikate",
    "Near duplicates": "Beinahe-Duplikate",
    "Empty turns": "Leere Nachrichten",
    "Missing assistant reply": "Fehlende Assistentenantwort",
    "Role order": "Rollenreihenfolge",
    "Refusals": "Verweigerungen",
    "Short answers": "Kurze Antworten",
    "Personal data (PII)": "Personenbezogene Daten (PII)",
    "System prompt mismatch": "Abweichender Systemprompt",
    "%n example(s) checked, %1 finding(s).": ["%n Beispiel geprüft, %1 Befund(e).", "%n Beispiele geprüft, %1 Befund(e)."],
    "Checked at %1": "Geprüft: %1",
    "%1 (%2)": "%1 (%2)",
    "… %1 more (click the kind to see all)": "… %1 weitere (Art anklicken, um alle zu sehen)",
    "No findings: the data looks clean.": "Keine Befunde: Die Daten sehen sauber aus.",
    "Checking…": "Prüfe…",
    "%1: %n example(s)": ["%1: %n Beispiel", "%1: %n Beispiele"],
    # Conversation view
    "Select an example to see its conversation.": "Ein Beispiel auswählen, um den Dialog zu sehen.",
    "Example %1 · %2 messages": "Beispiel %1 · %2 Nachrichten",
    "weight %1": "Gewicht %1",
    "(empty)": "(leer)",
    "Tools": "Werkzeuge",
    "Source: %1:%2": "Quelle: %1:%2",
    "System": "System",
    "User": "Benutzer",
    "Assistant": "Assistent",
    "Tool": "Werkzeug",
    # Diagnostics
    "About Tunebench": "Über Tunebench",
    "Diagnostics": "Diagnose",
    "<h2>Tunebench %1</h2><p>A workbench for fine-tuning language models: curate the dataset, train LoRA adapters, evaluate against golden sets.</p>":
        "<h2>Tunebench %1</h2><p>Eine Werkbank für das Feintuning von Sprachmodellen: Datensatz kuratieren, LoRA-Adapter trainieren, gegen Golden Sets auswerten.</p>",
    "libtorch version:": "libtorch-Version:",
    "Threads:": "Threads:",
    "%1 of %2 cores": "%1 von %2 Kernen",
    "none found": "keine gefunden",
    "%1 (reference BLAS: matrix maths runs about 30x slower; install libopenblas0-pthread)":
        "%1 (Referenz-BLAS: Matrixrechnung etwa 30-mal langsamer; libopenblas0-pthread installieren)",
    "BLAS:": "BLAS:",
    "bf16 support:": "bf16-Unterstützung:",
    "yes": "ja",
    "no": "nein",
    "CUDA devices:": "CUDA-Geräte:",
    "none": "keine",
    "<b>Warnings</b><ul><li>%1</li></ul>": "<b>Warnungen</b><ul><li>%1</li></ul>",
    # Example browser and table
    "Search messages (full text)": "Nachrichten durchsuchen (Volltext)",
    "Clear filters": "Filter zurücksetzen",
    "Tag:": "Tag:",
    "Split:": "Aufteilung:",
    "Finding:": "Befund:",
    "Cannot read the examples": "Die Beispiele können nicht gelesen werden",
    "Cannot read the project": "Das Projekt kann nicht gelesen werden",
    "any tag": "jedes Tag",
    "any split": "jede Aufteilung",
    "train": "Training",
    "validation": "Validierung",
    "test": "Test",
    "any finding": "jeder Befund",
    "Cannot read example %1: %2": "Beispiel %1 kann nicht gelesen werden: %2",
    "ID": "ID",
    "First user message": "Erste Benutzernachricht",
    "Turns": "Nachr.",
    "Tags": "Tags",
    "Split": "Aufteilung",
    "Created": "Erstellt",
    "unknown error": "unbekannter Fehler",
    # Main window
    "Data report": "Datenbericht",
    "The job failed": "Der Auftrag ist fehlgeschlagen",
    "Cancelled.": "Abgebrochen.",
    "&File": "&Datei",
    "&New project…": "&Neues Projekt…",
    "&Open…": "Ö&ffnen…",
    "Open &recent": "&Zuletzt geöffnet",
    "&Import dataset…": "Datensatz &importieren…",
    "&Close project": "Projekt &schließen",
    "&Quit": "&Beenden",
    "&View": "&Ansicht",
    "&Data report": "&Datenbericht",
    "&Clear filters": "Filter &zurücksetzen",
    "&Find…": "&Suchen…",
    "&Tools": "&Werkzeuge",
    "&Run checks": "&Prüfungen ausführen",
    "&Diagnostics…": "&Diagnose…",
    "&Help": "&Hilfe",
    "&About Tunebench…": "Ü&ber Tunebench…",
    "Cancel": "Abbrechen",
    "Clear list": "Liste leeren",
    "Cannot open the project": "Das Projekt kann nicht geöffnet werden",
    "Wait for the running job to finish, or cancel it.": "Warten, bis der laufende Auftrag fertig ist, oder ihn abbrechen.",
    "Cannot create the project": "Das Projekt kann nicht angelegt werden",
    "No project open.": "Kein Projekt geöffnet.",
    "%1 — Tunebench": "%1 — Tunebench",
    "Tunebench": "Tunebench",
    "No project open": "Kein Projekt geöffnet",
    "%1 · %n example(s) shown": ["%1 · %n Beispiel angezeigt", "%1 · %n Beispiele angezeigt"],
    "New project": "Neues Projekt",
    "Tunebench projects (*.tunebench)": "Tunebench-Projekte (*.tunebench)",
    "Open project": "Projekt öffnen",
    "Tunebench projects (*.tunebench);;All files (*)": "Tunebench-Projekte (*.tunebench);;Alle Dateien (*)",
    "Import dataset": "Datensatz importieren",
    "Datasets (*.jsonl *.json *.csv);;All files (*)": "Datensätze (*.jsonl *.json *.csv);;Alle Dateien (*)",
    "Cannot import": "Import nicht möglich",
    "Open or create a project first, then import %1 into it.": "Zuerst ein Projekt öffnen oder anlegen, dann %1 hinein importieren.",
    "Another job is running: wait for it or cancel it.": "Ein anderer Auftrag läuft: auf ihn warten oder ihn abbrechen.",
    "Importing %1…": "Importiere %1…",
    "Imported %1: %2 new, %3 duplicate(s), %4 rejected.": "%1 importiert: %2 neu, %3 Duplikat(e), %4 abgelehnt.",
    "… and %1 more": "… und %1 weitere",
    "Some records were rejected": "Einige Datensätze wurden abgelehnt",
    "%1 of %2 record(s) in %3 were rejected and not imported. Fix them and import the file again (valid records are not duplicated).":
        "%1 von %2 Datensätzen in %3 wurden abgelehnt und nicht importiert. Korrigieren Sie sie und importieren Sie die Datei erneut (gültige Datensätze werden nicht doppelt angelegt).",
    "Checking the data…": "Prüfe die Daten…",
    "just now": "gerade eben",
    # Main window tabs, Project menu, reviewer (ui/main_window.cpp)
    "Overview": "Übersicht",
    "Dataset": "Datensatz",
    "Review": "Prüfung",
    "Coverage": "Abdeckung",
    "Golden sets": "Golden Sets",
    "Training": "Training",
    "Evaluation": "Evaluierung",
    "&Project": "&Projekt",
    "Fine-tuning &advisor…": "Fine-Tuning-&Berater…",
    "&Reviewer name…": "&Name als Prüfer…",
    "Reviewer name": "Name als Prüfer",
    "Reviewer: %1": "Prüfer: %1",
    "Reviewer: not set": "Prüfer: nicht gesetzt",
    "Open or create a project (File menu).": "Ein Projekt öffnen oder anlegen (Menü Datei).",
    "Loading…": "Lade…",
    "Decision stored in the project.": "Entscheidung im Projekt gespeichert.",
    "Blind grading": "Blindbewertung",
    "Runs and comparisons": "Läufe und Vergleiche",
    # Overview (ui/overview)
    "Project": "Projekt",
    "Data": "Daten",
    "Examples:": "Beispiele:",
    "Splits:": "Aufteilung:",
    "Stale reviews:": "Veraltete Prüfungen:",
    "Coverage:": "Abdeckung:",
    "Fine-tuning decision": "Fine-Tuning-Entscheidung",
    "Latest runs": "Letzte Läufe",
    "Kind": "Art",
    "Name": "Name",
    "Status": "Status",
    "Created": "Erstellt",
    "Open the fine-tuning advisor…": "Fine-Tuning-Berater öffnen…",
    "Revisit the decision with the advisor…": "Entscheidung mit dem Berater überprüfen…",
    "No training or evaluation run yet.": "Noch kein Trainings- oder Evaluierungslauf.",
    "training": "Training",
    "evaluation": "Evaluierung",
    # Advisor wizard (ui/advisor)
    "Fine-tuning advisor": "Fine-Tuning-Berater",
    "Skip": "Überspringen",
    "Yes": "Ja",
    "No": "Nein",
    "Your answer": "Ihre Antwort",
    "The advisor's recommendation": "Die Empfehlung des Beraters",
    "Decision": "Entscheidung",
    "Decided by:": "Entschieden von:",
    "We decide otherwise:": "Wir entscheiden anders:",
    "Reason:": "Begründung:",
    "Base model and method": "Basismodell und Methode",
    "Model folder:": "Modellordner:",
    "Or its size:": "Oder seine Größe:",
    "GPU memory:": "GPU-Speicher:",
    "Sequence length:": "Sequenzlänge:",
    "Batch size:": "Batchgröße:",
    "Method": "Methode",
    "GPU memory (GiB)": "GPU-Speicher (GiB)",
    "Fits": "Passt",
    "yes": "ja",
    "no": "nein",
    "unknown": "unbekannt",
    "Starting settings for the first run": "Starteinstellungen für den ersten Lauf",
    "Learning rate:": "Lernrate:",
    "Epochs:": "Epochen:",
    "Validation share:": "Validierungsanteil:",
    "Fine-tune": "Fine-Tuning",
    "Better prompting": "Besseres Prompting",
    "Retrieval (RAG)": "Retrieval (RAG)",
}


def main(path):
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text
        translation = message.find("translation")
        done = translation.get("type") is None and (translation.text or len(translation))
        if done:
            continue
        german = DE.get(source)
        if german is None:
            missing.append(source)
            continue
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        if isinstance(german, list):
            for form in german:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = german
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print("untranslated:", source, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "translations/tunebench_de.ts"))
