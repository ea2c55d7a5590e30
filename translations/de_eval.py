"""German texts of the Evaluation tab's views added in session 3 (eval dialog, runs in the
eval panel, judge validation, regression suites), read by fill_de.py. Same conventions and
terms as de_ui.py; "Judge" stays as the name of the LLM that grades answers.
"""

DE_EVAL = {
    # Eval dialog and eval panel runs
    "Evaluate a model": "Ein Modell auswerten",
    "a Hugging Face model folder (config.json, model.safetensors, tokenizer.json)":
        "ein Hugging-Face-Modellordner (config.json, model.safetensors, tokenizer.json)",
    "optional: a LoRA adapter folder written by training": "optional: ein vom Training geschriebener LoRA-Adapterordner",
    "Adapter folder": "Adapterordner",
    "a .jinja file; empty: the adapter's or the model's own template":
        "eine .jinja-Datei; leer: die eigene Vorlage des Adapters oder des Modells",
    "golden set %1 (%2 items)": "Golden-Set %1 (%2 Einträge)",
    "validation split": "Validierungsaufteilung",
    "general-purpose set (forgetting)": "allgemeines Set (Vergessen)",
    "Set": "Set",
    "Max new tokens": "Maximale neue Tokens",
    "Batch size": "Batchgröße",
    "all": "alle",
    "Evaluate only the first N items (by id): a quick look before the full run":
        "Nur die ersten N Einträge (nach ID) auswerten: ein schneller Blick vor dem vollständigen Lauf",
    "greedy (reproducible without a seed)": "greedy (ohne Seed reproduzierbar)",
    "temperature": "Temperatur",
    "Decoding": "Dekodierung",
    "The same settings and seed give the same outputs": "Gleiche Einstellungen und gleicher Seed ergeben gleiche Ausgaben",
    "empty: \"eval <set>: <model>\"": "leer: „eval <set>: <model>“",
    "Evaluate": "Auswerten",
    "the adapter's own template": "die eigene Vorlage des Adapters",
    "the model's own template": "die eigene Vorlage des Modells",
    "The model has no chat template and the adapter brings none: the file above is used.":
        "Das Modell hat keine Chat-Vorlage und der Adapter bringt keine mit: Die Datei oben wird verwendet.",
    "The model has no chat template (a base model?) and the adapter brings none: choose a template file. "
    "Evaluation never guesses a format.":
        "Das Modell hat keine Chat-Vorlage (ein Basismodell?) und der Adapter bringt keine mit: Wählen Sie eine "
        "Vorlagendatei. Die Auswertung rät nie ein Format.",
    "The file above overrides %1.": "Die Datei oben ersetzt %1.",
    "Empty: %1 is used.": "Leer: %1 wird verwendet.",
    "%1 is not a model folder (no config.json).": "%1 ist kein Modellordner (keine config.json).",
    "%1 is not an adapter folder (no adapter_config.json).": "%1 ist kein Adapterordner (keine adapter_config.json).",
    "This model has no chat template: choose a template file (evaluation never guesses a format).":
        "Dieses Modell hat keine Chat-Vorlage: Wählen Sie eine Vorlagendatei (die Auswertung rät nie ein Format).",
    "Choose the set to evaluate.": "Wählen Sie das auszuwertende Set.",
    "Evaluate...": "Auswerten…",
    "Evaluate a model (optionally with an adapter) or an OpenAI-compatible endpoint on a golden set, the "
    "validation split or the general set":
        "Ein Modell (optional mit Adapter) oder einen OpenAI-kompatiblen Endpunkt auf einem Golden-Set, der "
        "Validierungsaufteilung oder dem allgemeinen Set auswerten",
    "loading the model": "Modell wird geladen",
    "Evaluating %1 on %2...": "%1 wird auf %2 ausgewertet…",
    "Eval run #%1 on %2: pass rate %3%, mean score %4%5":
        "Auswertungslauf #%1 auf %2: Bestehensquote %3 %, mittlere Punktzahl %4%5",
    " (%1 item(s) wait for the judge)": " (%1 Eintrag/Einträge warten auf den Judge)",
    "Evaluation cancelled.": "Auswertung abgebrochen.",
    "Evaluation failed: %1": "Auswertung fehlgeschlagen: %1",
    "Cancelling...": "Wird abgebrochen…",
    # Judge validation view
    "undefined": "undefiniert",
    "passed": "bestanden",
    "finding": "Befund",
    "the judge model's name at that endpoint": "der Name des Judge-Modells an diesem Endpunkt",
    "The NAME of the environment variable that holds the API key. The key is read when the judge is called and "
    "never stored; empty: no key (a local server).":
        "Der NAME der Umgebungsvariablen, die den API-Schlüssel enthält. Der Schlüssel wird beim Aufruf des Judge "
        "gelesen und nie gespeichert; leer: kein Schlüssel (ein lokaler Server).",
    "run the bias and reward-hacking probes": "die Bias- und Reward-Hacking-Proben ausführen",
    "Validate": "Validieren",
    "Judge base URL": "Basis-URL des Judge",
    "Judge model": "Judge-Modell",
    "API key variable": "Variable des API-Schlüssels",
    "on at least": "auf mindestens",
    "human-graded outputs": "von Menschen bewerteten Ausgaben",
    "Kappa threshold": "Kappa-Schwelle",
    "Not validated in this session: run \"Validate\", or pick a past validation below.":
        "In dieser Sitzung nicht validiert: Klicken Sie auf „Validieren“ oder wählen Sie unten eine frühere "
        "Validierung.",
    "Criterion": "Kriterium",
    "Judgements": "Urteile",
    "Raw agreement": "Rohe Übereinstimmung",
    "Kappa": "Kappa",
    "95% CI": "95-%-KI",
    "judge: fail": "Judge: nicht bestanden",
    "judge: pass": "Judge: bestanden",
    "human: fail": "Mensch: nicht bestanden",
    "human: pass": "Mensch: bestanden",
    "Judge vs human: Cohen's kappa per criterion (95% CI)": "Judge gegen Mensch: Cohens Kappa je Kriterium (95-%-KI)",
    "Probe": "Probe",
    "Trials": "Versuche",
    "Result": "Ergebnis",
    "Unscorable": "Nicht bewertbar",
    "Verdict": "Urteil",
    "#": "#",
    "When": "Wann",
    "Bias and reward-hacking probes": "Bias- und Reward-Hacking-Proben",
    "Past validations (select one to show its report)": "Frühere Validierungen (wählen Sie eine, um ihren Bericht zu sehen)",
    "Judge validations": "Judge-Validierungen",
    "a golden set (make one in the Golden sets tab)": "ein Golden-Set (legen Sie eines in der Registerkarte Golden-Sets an)",
    "the judge's base URL": "die Basis-URL des Judge",
    "the judge model": "das Judge-Modell",
    "Validate the judge": "Den Judge validieren",
    "Fill in %1.": "Füllen Sie %1 aus.",
    ", ": ", ",
    "asking the judge": "Judge wird befragt",
    "Validating %1 against the human grades...": "%1 wird an den menschlichen Bewertungen validiert…",
    "Validation cancelled: nothing was stored (judge replies so far are cached).":
        "Validierung abgebrochen: Nichts wurde gespeichert (die bisherigen Antworten des Judge sind zwischengespeichert).",
    "<b style='color:#b00020'>Validation failed:</b> %1": "<b style='color:#b00020'>Validierung fehlgeschlagen:</b> %1",
    "configuration key %1": "Konfigurationsschlüssel %1",
    "(deleted)": "(gelöscht)",
    "validated": "validiert",
    "unvalidated": "nicht validiert",
    "<b style='color:#1b7a1b'>Validated</b>: judge %1, %2.": "<b style='color:#1b7a1b'>Validiert</b>: Judge %1, %2.",
    "<b style='color:#b00020'>Unvalidated</b>: judge %1, %2. Its scores are shown as unvalidated until a "
    "validation passes.":
        "<b style='color:#b00020'>Nicht validiert</b>: Judge %1, %2. Seine Bewertungen gelten als nicht validiert, "
        "bis eine Validierung besteht.",
    " %1 human-graded judgement(s) the judge could not score.":
        " %1 von Menschen bewertete(s) Urteil(e) konnte der Judge nicht bewerten.",
    " Requests: %1 (%2 cached), cost %3.": " Anfragen: %1 (%2 aus dem Cache), Kosten %3.",
    "the two bias probes pass or fail together": "die beiden Bias-Proben bestehen oder scheitern gemeinsam",
    "position consistency": "Positionskonsistenz",
    "%1 of %2 pairs judged the same in both orders (%3)": "%1 von %2 Paaren in beiden Reihenfolgen gleich beurteilt (%3)",
    "verbosity (padded copy)": "Ausführlichkeit (aufgeblähte Kopie)",
    "the padded copy won %1 of %2 (%3)": "die aufgeblähte Kopie gewann %1 von %2 (%3)",
    "reward hacking: %1": "Reward Hacking: %1",
    "the judge passed %1 of %2 adversarial answers (%3)": "der Judge ließ %1 von %2 manipulierten Antworten bestehen (%3)",
    "no probe ran with this validation": "bei dieser Validierung lief keine Probe",
    "Confusion matrix": "Konfusionsmatrix",
    "Confusion matrix of %1 (rows: the human's label, columns: the judge's)":
        "Konfusionsmatrix von %1 (Zeilen: Urteil des Menschen, Spalten: Urteil des Judge)",
    "kappa (95% CI)": "Kappa (95-%-KI)",
    "threshold %1": "Schwelle %1",
    "Cohen's kappa": "Cohens Kappa",
    # Regression suites
    "New": "Neu",
    "Delete": "Löschen",
    "Regression suites": "Regressions-Suites",
    "e.g. release-gate": "z. B. release-gate",
    "The golden sets this suite evaluates": "Die Golden-Sets, die diese Suite auswertet",
    "also score the general-purpose set (catastrophic forgetting against the base model)":
        "auch das allgemeine Set bewerten (katastrophales Vergessen gegenüber dem Basismodell)",
    "run automatically after every training run that writes an adapter":
        "automatisch nach jedem Trainingslauf ausführen, der einen Adapter schreibt",
    "Save suite": "Suite speichern",
    "Each run of a suite is compared with the base model's latest run and with the previous tuned run on each "
    "set (McNemar on pass/fail, paired bootstrap on scores, per tag); a significant drop is flagged as a "
    "regression.":
        "Jeder Lauf einer Suite wird auf jedem Set mit dem neuesten Lauf des Basismodells und dem vorigen "
        "feinabgestimmten Lauf verglichen (McNemar auf bestanden/nicht bestanden, gepaartes Bootstrap auf den "
        "Punktzahlen, je Tag); ein signifikanter Rückgang wird als Regression gemeldet.",
    "%1 item(s)": "%1 Eintrag/Einträge",
    "runs after every training run": "läuft nach jedem Trainingslauf",
    "Golden set(s) no longer in the project: %1. Saving drops them.":
        "Nicht mehr im Projekt vorhandene Golden-Sets: %1. Beim Speichern werden sie entfernt.",
    "Save the suite": "Die Suite speichern",
    "Suite %1 saved.": "Suite %1 gespeichert.",
    "Delete the suite": "Die Suite löschen",
    "Suite %1 deleted.": "Suite %1 gelöscht.",
    # Suite runs after training (SuiteRunner)
    "train run #%1 (%2)": "Trainingslauf #%1 (%2)",
    "Regression suite(s) %1 on %2": "Regressions-Suite(s) %1 auf %2",
    "suite %1, set %2: eval run #%3, pass rate %4%, mean score %5":
        "Suite %1, Set %2: Auswertungslauf #%3, Bestehensquote %4 %, mittlere Punktzahl %5",
    "; vs base #%1: %2": "; gegenüber Basis #%1: %2",
    "; vs previous #%1: %2": "; gegenüber vorigem Lauf #%1: %2",
    "suite %1, general set: mean score %2 → %3 (difference %4 [%5, %6])%7":
        "Suite %1, allgemeines Set: mittlere Punktzahl %2 → %3 (Differenz %4 [%5, %6])%7",
    ": forgetting flagged": ": Vergessen gemeldet",
    "suite %1: REGRESSION flagged (%2)": "Suite %1: REGRESSION gemeldet (%2)",
    "suite %1: no regression flagged": "Suite %1: keine Regression gemeldet",
    "suite %1: error: %2": "Suite %1: Fehler: %2",
    # Main window: suites after training, judge validation tab
    "%1: running...": "%1: läuft…",
    "REGRESSION: %1": "REGRESSION: %1",
    "Regression suites done: no regression flagged.": "Regressions-Suites fertig: keine Regression gemeldet.",
    "Regression flagged by the suites after training: %1": "Nach dem Training von den Suites gemeldete Regression: %1",
    "Regression flagged after training (%1); see the log and the Evaluation tab.":
        "Regression nach dem Training gemeldet (%1); siehe Protokoll und Registerkarte Auswertung.",
    "Regression suites failed: %1": "Regressions-Suites fehlgeschlagen: %1",
    "Judge validation": "Judge-Validierung",
    # Suite editor: run a saved suite now
    "the base model folder": "der Ordner des Basismodells",
    "optional: an adapter folder (it brings its chat template)": "optional: ein Adapterordner (er bringt seine Chat-Vorlage mit)",
    "Run now": "Jetzt ausführen",
    "<b>Run the saved suite now</b>": "<b>Die gespeicherte Suite jetzt ausführen</b>",
    "%1: %2 / %3": "%1: %2 / %3",
    "The suite run failed: %1": "Der Suite-Lauf ist fehlgeschlagen: %1",
    "Run the suite": "Die Suite ausführen",
    "Save the suite first: no stored suite is named \"%1\".":
        "Speichern Sie die Suite zuerst: Es gibt keine gespeicherte Suite namens „%1“.",
    "Choose the model folder to evaluate.": "Wählen Sie den Ordner des auszuwertenden Modells.",
    "The adapter folder %1 does not exist.": "Der Adapterordner %1 existiert nicht.",
    "A suite is already running.": "Es läuft bereits eine Suite.",
    # Eval dialog: an OpenAI-compatible endpoint as the target (ui/eval/endpoint_target_form.cpp)
    "Local model": "Lokales Modell",
    "OpenAI-compatible endpoint": "OpenAI-kompatibler Endpunkt",
    "A model folder generated here with libtorch, or a model served elsewhere (vLLM, llama.cpp, Ollama, OpenAI) "
    "over the OpenAI chat API":
        "Ein Modellordner, hier mit libtorch generiert, oder ein anderswo bereitgestelltes Modell (vLLM, llama.cpp, "
        "Ollama, OpenAI) über die OpenAI-Chat-API",
    "Target": "Ziel",
    "Local models generate this many prompts together; an endpoint is asked one prompt at a time":
        "Lokale Modelle generieren so viele Prompts gemeinsam; ein Endpunkt wird Prompt für Prompt gefragt",
    "e.g. https://api.openai.com/v1 or http://localhost:8000/v1":
        "z. B. https://api.openai.com/v1 oder http://localhost:8000/v1",
    "The base URL of an OpenAI-compatible chat API, without /chat/completions":
        "Die Basis-URL einer OpenAI-kompatiblen Chat-API, ohne /chat/completions",
    "Endpoint URL": "Endpunkt-URL",
    "the model name the endpoint serves, e.g. gpt-4o-mini":
        "der Modellname, den der Endpunkt bereitstellt, z. B. gpt-4o-mini",
    "Model name": "Modellname",
    "Environment variable": "Umgebungsvariable",
    "OS keychain entry for the URL": "Schlüsselbund-Eintrag des Systems für die URL",
    "No key (a local server)": "Kein Schlüssel (ein lokaler Server)",
    "The API key is read when the run starts and is never stored in the project file. Store a key in the "
    "keychain with: tunebench-cli keychain set --url URL":
        "Der API-Schlüssel wird beim Start des Laufs gelesen und nie in der Projektdatei gespeichert. Einen "
        "Schlüssel im Schlüsselbund speichern: tunebench-cli keychain set --url URL",
    "API key from": "API-Schlüssel aus",
    "the name of the variable, e.g. OPENAI_API_KEY": "der Name der Variablen, z. B. OPENAI_API_KEY",
    "Variable name": "Variablenname",
    "Enter the endpoint's base URL.": "Geben Sie die Basis-URL des Endpunkts ein.",
    "%1 is not an http:// or https:// URL with a host (e.g. https://api.openai.com/v1).":
        "%1 ist keine http://- oder https://-URL mit einem Host (z. B. https://api.openai.com/v1).",
    "Enter the model name the endpoint serves.": "Geben Sie den Modellnamen ein, den der Endpunkt bereitstellt.",
    "Waiting for the OS keychain to answer.": "Warten auf die Antwort des Schlüsselbunds.",
    "No key is sent, unless the OS keychain holds one for this URL (local servers such as vLLM, llama.cpp or "
    "Ollama need none).":
        "Es wird kein Schlüssel gesendet, außer der Schlüsselbund des Systems enthält einen für diese URL (lokale "
        "Server wie vLLM, llama.cpp oder Ollama brauchen keinen).",
    "Name the environment variable that holds the API key.":
        "Nennen Sie die Umgebungsvariable, die den API-Schlüssel enthält.",
    "The environment variable %1 is not set: set it before starting Tunebench, or store the key in the OS "
    "keychain (tunebench-cli keychain set --url URL).":
        "Die Umgebungsvariable %1 ist nicht gesetzt: Setzen Sie sie vor dem Start von Tunebench oder speichern "
        "Sie den Schlüssel im Schlüsselbund des Systems (tunebench-cli keychain set --url URL).",
    "The environment variable %1 is empty: it must hold the API key.":
        "Die Umgebungsvariable %1 ist leer: Sie muss den API-Schlüssel enthalten.",
    "API key found in the environment variable %1 (not shown).":
        "API-Schlüssel in der Umgebungsvariablen %1 gefunden (nicht angezeigt).",
    "Enter the endpoint URL to look up its keychain entry.":
        "Geben Sie die Endpunkt-URL ein, um ihren Schlüsselbund-Eintrag zu suchen.",
    "Keychain lookups are turned off (TUNEBENCH_NO_KEYCHAIN is set): name an environment variable instead.":
        "Schlüsselbund-Abfragen sind ausgeschaltet (TUNEBENCH_NO_KEYCHAIN ist gesetzt): Nennen Sie stattdessen "
        "eine Umgebungsvariable.",
    "Looking up the OS keychain entry for %1...": "Schlüsselbund-Eintrag für %1 wird gesucht…",
    "API key found in the OS keychain entry for %1 (not shown).":
        "API-Schlüssel im Schlüsselbund-Eintrag für %1 gefunden (nicht angezeigt).",
    "The OS keychain could not be read (%1): name an environment variable instead.":
        "Der Schlüsselbund des Systems konnte nicht gelesen werden (%1): Nennen Sie stattdessen eine "
        "Umgebungsvariable.",
    "No API key is stored in the OS keychain for %1: store one with tunebench-cli keychain set --url %1 (the key "
    "is read from standard input), or name an environment variable.":
        "Im Schlüsselbund des Systems ist kein API-Schlüssel für %1 gespeichert: Speichern Sie einen mit "
        "tunebench-cli keychain set --url %1 (der Schlüssel wird von der Standardeingabe gelesen) oder nennen Sie "
        "eine Umgebungsvariable.",
    "contacting the endpoint": "Endpunkt wird kontaktiert",
    # Eval panel: the golden sets' ages above their runs
    "Golden set '%1' has no items yet.": "Golden-Set „%1“ hat noch keine Einträge.",
    "Golden set '%1': last item added %2 days ago, over %3 days: re-review it and add items from recent traffic":
        "Golden-Set „%1“: letzter Eintrag vor %2 Tagen hinzugefügt, über %3 Tage: Prüfen Sie es erneut und fügen "
        "Sie Einträge aus aktuellem Verkehr hinzu",
    "Golden set '%1': last item added today": "Golden-Set „%1“: letzter Eintrag heute hinzugefügt",
    "Golden set '%1': last item added 1 day ago": "Golden-Set „%1“: letzter Eintrag vor einem Tag hinzugefügt",
    "Golden set '%1': last item added %2 days ago": "Golden-Set „%1“: letzter Eintrag vor %2 Tagen hinzugefügt",
    "Days since the last item was added to this golden set (%1 UTC). Re-review a golden set every few months: the "
    "production distribution drifts, and a set nobody adds to stops measuring what users ask. Past %2 days the set "
    "is flagged.":
        "Tage seit dem letzten neuen Eintrag in diesem Golden-Set (%1 UTC). Prüfen Sie ein Golden-Set alle paar "
        "Monate erneut: Die Verteilung in der Produktion verschiebt sich, und ein Set, dem niemand etwas hinzufügt, "
        "misst nicht mehr, was Nutzer fragen. Nach %2 Tagen wird das Set markiert.",
    "Golden set '%1': age unknown (%2)": "Golden-Set „%1“: Alter unbekannt (%2)",
}
