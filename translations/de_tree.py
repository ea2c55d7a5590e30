"""German texts of the advisor's decision tree (context DecisionTree), read by fill_de.py.

The English sources come from core/advisor/decision_tree.json through the generated
ui/advisor/decision_tree_strings.cpp. Terms as in de_ui.py: Feinabstimmung (fine-tuning),
Trainingslauf, Auswertung (evaluation), Datensatz, Beispiel, Golden-Set, Prüfer/in, Adapter,
Vorlage; the user is addressed with "Sie".
"""

DE_TREE = {
    # Questions and their help texts
    "In a sentence or two, what should the model do better than it does today?":
        "Was soll das Modell besser können als heute? Beschreiben Sie es in ein, zwei Sätzen.",
    "Name the behaviour and who notices it, e.g. \"answer support tickets in our tone and ticket format\". "
    "The goal is stored with the decision so the evaluation can be checked against it later.":
        "Nennen Sie das Verhalten und wer es bemerkt, z. B. „Support-Tickets in unserem Ton und Ticketformat "
        "beantworten“. Das Ziel wird mit der Entscheidung gespeichert, damit sich die Auswertung später daran "
        "messen lässt.",
    "Which of these is closest to what is missing?":
        "Was davon kommt dem am nächsten, was heute fehlt?",
    "Pick the main need; if two apply, pick the one that hurts most today.":
        "Wählen Sie den wichtigsten Bedarf; wenn zwei zutreffen, den, der heute am meisten schmerzt.",
    "A consistent style, tone or voice":
        "Ein einheitlicher Stil, Ton oder eine einheitliche Stimme",
    "Reliable structured output (JSON, a fixed schema, a fixed layout)":
        "Verlässlich strukturierte Ausgabe (JSON, ein festes Schema, ein festes Layout)",
    "A narrow task done faster or cheaper (a smaller model instead of a large one)":
        "Eine eng umrissene Aufgabe schneller oder günstiger erledigen (ein kleineres statt eines großen Modells)",
    "Reasoning in a specialised domain (legal, medical, code base, ...)":
        "Schlussfolgern in einem Fachgebiet (Recht, Medizin, eine Codebasis, …)",
    "Knowing facts: products, policies, documents, recent events":
        "Fakten kennen: Produkte, Richtlinien, Dokumente, aktuelle Ereignisse",
    "Something else":
        "Etwas anderes",
    "Do the answers depend on facts that change often (prices, policies, documentation, stock, news)?":
        "Hängen die Antworten von Fakten ab, die sich oft ändern (Preise, Richtlinien, Dokumentation, "
        "Lagerbestand, Nachrichten)?",
    "Often means: the facts would be out of date before you would retrain the model.":
        "„Oft“ heißt: Die Fakten wären veraltet, bevor Sie das Modell neu trainieren würden.",
    "Must the answers cite or quote their sources?":
        "Müssen die Antworten ihre Quellen nennen oder zitieren?",
    "For example because users check answers against documents, or an auditor asks where an answer came from.":
        "Zum Beispiel, weil Benutzer die Antworten mit Dokumenten abgleichen oder eine Prüfstelle wissen will, "
        "woher eine Antwort stammt.",
    "Does a capable model already do the task well when the prompt holds clear instructions and a few examples?":
        "Erledigt ein leistungsfähiges Modell die Aufgabe bereits gut, wenn der Prompt klare Anweisungen und "
        "einige Beispiele enthält?",
    "Try it before answering: write the instructions, add three to five good examples, and look at twenty "
    "outputs.":
        "Probieren Sie es aus, bevor Sie antworten: Schreiben Sie die Anweisungen, fügen Sie drei bis fünf gute "
        "Beispiele hinzu und sehen Sie sich zwanzig Ausgaben an.",
    # Leaf: retrieval, the facts change
    "Use retrieval (RAG): the facts change":
        "Retrieval (RAG) verwenden: Die Fakten ändern sich",
    "Facts learned in fine-tuning are frozen at training time; every change would need a new training run and a "
    "new evaluation.":
        "Bei der Feinabstimmung gelernte Fakten sind auf dem Stand des Trainings eingefroren; jede Änderung "
        "erforderte einen neuen Trainingslauf und eine neue Auswertung.",
    "Retrieval reads the current document at answer time, so updating the knowledge is updating the index.":
        "Retrieval liest beim Antworten das aktuelle Dokument; das Wissen zu aktualisieren heißt also, den Index "
        "zu aktualisieren.",
    "Fine-tuning teaches behaviour (tone, format) better than facts; if the style matters too, fine-tune for it "
    "later, on top of retrieval.":
        "Feinabstimmung vermittelt Verhalten (Ton, Format) besser als Fakten; wenn auch der Stil zählt, stimmen "
        "Sie ihn später zusätzlich zum Retrieval fein ab.",
    "Index the source documents, retrieve the top few passages per question, and put them in the prompt with the "
    "instruction to answer only from them. Measure answer accuracy on 50 real questions before tuning anything.":
        "Indizieren Sie die Quelldokumente, rufen Sie pro Frage die besten Passagen ab und geben Sie sie mit der "
        "Anweisung in den Prompt, nur daraus zu antworten. Messen Sie die Antwortgenauigkeit an 50 echten Fragen, "
        "bevor Sie irgendetwas feinabstimmen.",
    # Leaf: retrieval, citations
    "Use retrieval (RAG): answers must cite sources":
        "Retrieval (RAG) verwenden: Antworten müssen Quellen nennen",
    "A fine-tuned model cannot say which training example a fact came from, and it invents plausible citations.":
        "Ein feinabgestimmtes Modell kann nicht sagen, aus welchem Trainingsbeispiel ein Fakt stammt, und erfindet "
        "plausibel klingende Quellenangaben.",
    "With retrieval the passages are in the prompt, so every citation can be checked against a real document.":
        "Mit Retrieval stehen die Passagen im Prompt, sodass sich jede Quellenangabe an einem echten Dokument "
        "prüfen lässt.",
    "Retrieve passages with their document ids, ask the model to quote the id for each claim, and check the "
    "cited passages really contain the claims on a sample of answers.":
        "Rufen Sie Passagen mit ihren Dokument-IDs ab, lassen Sie das Modell zu jeder Aussage die ID angeben und "
        "prüfen Sie an einer Stichprobe von Antworten, ob die zitierten Passagen die Aussagen wirklich enthalten.",
    # Leaf: retrieval, knowledge the model lacks
    "Use retrieval (RAG) for knowledge the model lacks":
        "Retrieval (RAG) für Wissen verwenden, das dem Modell fehlt",
    "The model does not know these facts and examples in the prompt do not help; fine-tuning on facts gives "
    "unreliable recall and more confident hallucinations.":
        "Das Modell kennt diese Fakten nicht, und Beispiele im Prompt helfen nicht; Feinabstimmung auf Fakten "
        "führt zu unzuverlässigem Abruf und selbstsichereren Halluzinationen.",
    "The facts are stable, so a retrieval index built once stays valid; retrieval also shows which passage an "
    "answer used.":
        "Die Fakten sind stabil, ein einmal erstellter Retrieval-Index bleibt also gültig; Retrieval zeigt "
        "außerdem, auf welche Passage sich eine Antwort stützt.",
    "Put the relevant documents (or retrieved passages) in the prompt and check that the model answers correctly "
    "from them; only if it then fails at the format or style is fine-tuning worth a look.":
        "Geben Sie die relevanten Dokumente (oder abgerufene Passagen) in den Prompt und prüfen Sie, ob das Modell "
        "daraus richtig antwortet; erst wenn es dann an Format oder Stil scheitert, lohnt sich ein Blick auf die "
        "Feinabstimmung.",
    # Leaf: prompting, style
    "Better prompting: the model already writes in this style with examples":
        "Besseres Prompting: Das Modell schreibt mit Beispielen bereits in diesem Stil",
    "A model that already matches the style from instructions and a few examples needs no training run, "
    "dataset or evaluation cycle.":
        "Ein Modell, das den Stil schon mit Anweisungen und einigen Beispielen trifft, braucht keinen "
        "Trainingslauf, keinen Datensatz und keinen Auswertungszyklus.",
    "Prompt changes ship in minutes and can be rolled back; a fine-tuned model must be retrained for every style "
    "change.":
        "Prompt-Änderungen sind in Minuten ausgeliefert und lassen sich zurücknehmen; ein feinabgestimmtes Modell "
        "muss für jede Stiländerung neu trainiert werden.",
    "Write a system prompt describing the style, add three to five examples of ideal answers, and compare twenty "
    "outputs with real ones. Revisit fine-tuning only if the prompt gets too long, too slow or too costly.":
        "Schreiben Sie einen Systemprompt, der den Stil beschreibt, fügen Sie drei bis fünf Beispiele idealer "
        "Antworten hinzu und vergleichen Sie zwanzig Ausgaben mit echten. Kommen Sie nur dann auf die "
        "Feinabstimmung zurück, wenn der Prompt zu lang, zu langsam oder zu teuer wird.",
    # Leaf: prompting, structure
    "Better prompting and constrained decoding for the structure":
        "Besseres Prompting und eingeschränkte Dekodierung für die Struktur",
    "The model already produces the structure with examples; a schema in the prompt plus constrained (grammar or "
    "JSON-schema) decoding makes it reliable without training.":
        "Das Modell erzeugt die Struktur mit Beispielen bereits; ein Schema im Prompt und eingeschränkte "
        "Dekodierung (per Grammatik oder JSON-Schema) machen sie ohne Training verlässlich.",
    "Validation with one automatic retry usually closes the remaining gap at far lower cost than a fine-tuning "
    "project.":
        "Eine Validierung mit einem automatischen zweiten Versuch schließt die verbleibende Lücke meist zu weit "
        "geringeren Kosten als ein Feinabstimmungsprojekt.",
    "Put the schema and two examples in the prompt, turn on JSON or grammar-constrained decoding where the "
    "server supports it, validate every output and measure the failure rate on 100 real inputs.":
        "Geben Sie das Schema und zwei Beispiele in den Prompt, schalten Sie JSON- oder grammatikgebundene "
        "Dekodierung ein, wo der Server sie unterstützt, validieren Sie jede Ausgabe und messen Sie die "
        "Fehlerquote an 100 echten Eingaben.",
    # Leaf: prompting, reasoning
    "Better prompting: the model reasons well enough with guidance":
        "Besseres Prompting: Das Modell schlussfolgert mit Anleitung gut genug",
    "The model already reaches the right conclusions with instructions and examples, so the reasoning ability "
    "is there.":
        "Das Modell kommt mit Anweisungen und Beispielen bereits zu den richtigen Schlüssen; die Fähigkeit zum "
        "Schlussfolgern ist also vorhanden.",
    "Step-by-step instructions, worked examples and a larger model are cheaper to try than collecting expert "
    "training data.":
        "Schrittweise Anweisungen, durchgerechnete Beispiele und ein größeres Modell sind günstiger auszuprobieren, "
        "als Trainingsdaten von Fachleuten zu sammeln.",
    "Write down the reasoning steps an expert follows, add worked examples to the prompt, and have a domain "
    "expert grade 30 answers. Fine-tune only if a smaller, cheaper model must reach the same quality.":
        "Schreiben Sie die Denkschritte auf, denen eine Fachperson folgt, fügen Sie durchgerechnete Beispiele in "
        "den Prompt ein und lassen Sie eine Fachperson 30 Antworten bewerten. Stimmen Sie nur dann fein ab, wenn "
        "ein kleineres, günstigeres Modell dieselbe Qualität erreichen muss.",
    # Leaf: prompting, knowledge in the prompt
    "Better prompting: the model can use the knowledge given in the prompt":
        "Besseres Prompting: Das Modell kann das Wissen aus dem Prompt nutzen",
    "The facts are stable and fit in the prompt, and the model answers well when they are there.":
        "Die Fakten sind stabil und passen in den Prompt, und das Modell antwortet gut, wenn sie dort stehen.",
    "Nothing needs to be trained or indexed; grow to retrieval when the material no longer fits in the prompt.":
        "Nichts muss trainiert oder indiziert werden; wechseln Sie zu Retrieval, sobald das Material nicht mehr "
        "in den Prompt passt.",
    "Put the reference material in the system prompt (or a cached prefix), check twenty answers, and watch the "
    "prompt length as the material grows.":
        "Geben Sie das Referenzmaterial in den Systemprompt (oder ein zwischengespeichertes Präfix), prüfen Sie "
        "zwanzig Antworten und behalten Sie die Prompt-Länge im Blick, wenn das Material wächst.",
    # Leaf: prompting, the model can already do it
    "Better prompting: the model can already do it":
        "Besseres Prompting: Das Modell kann es bereits",
    "The model does the task well with instructions and examples, and none of the usual reasons for fine-tuning "
    "(style, structure, latency, domain reasoning) is the main need.":
        "Das Modell erledigt die Aufgabe mit Anweisungen und Beispielen gut, und keiner der üblichen Gründe für "
        "eine Feinabstimmung (Stil, Struktur, Latenz, Fachlogik) ist der Hauptbedarf.",
    "Prompting keeps the strongest general model and costs no training data.":
        "Mit Prompting behalten Sie das stärkste allgemeine Modell und brauchen keine Trainingsdaten.",
    "Turn the instructions and examples that worked into a fixed prompt, build a small evaluation set of 30-50 "
    "real inputs, and keep it to judge any later change.":
        "Machen Sie aus den Anweisungen und Beispielen, die funktioniert haben, einen festen Prompt, stellen Sie "
        "ein kleines Auswertungsset aus 30–50 echten Eingaben zusammen und bewahren Sie es auf, um jede spätere "
        "Änderung daran zu messen.",
    # Leaf: define the gap first
    "Define the gap before training: improve the prompt and build an evaluation set":
        "Vor dem Training die Lücke benennen: Prompt verbessern und ein Auswertungsset aufbauen",
    "The need is not one of the cases where fine-tuning is known to pay off (style, structure, narrow latency or "
    "cost, domain reasoning).":
        "Der Bedarf gehört nicht zu den Fällen, in denen sich Feinabstimmung erfahrungsgemäß lohnt (Stil, "
        "Struktur, Latenz oder Kosten einer eng umrissenen Aufgabe, Fachlogik).",
    "Without a clear, measurable failure, a fine-tuned model cannot be shown to be better than a well-prompted "
    "one.":
        "Ohne einen klaren, messbaren Fehler lässt sich nicht zeigen, dass ein feinabgestimmtes Modell besser ist "
        "als ein gut gepromptetes.",
    "Collect 30-50 real inputs where the model fails, write down what a good answer is for each, and iterate on "
    "the prompt against them. Come back to this advisor when the failures have a name.":
        "Sammeln Sie 30–50 echte Eingaben, bei denen das Modell scheitert, schreiben Sie zu jeder auf, wie eine "
        "gute Antwort aussieht, und verbessern Sie den Prompt schrittweise daran. Kommen Sie zu diesem Berater "
        "zurück, wenn die Fehler einen Namen haben.",
    # Leaf: fine-tune, style
    "Fine-tune for style consistency":
        "Feinabstimmung für einen einheitlichen Stil",
    "Instructions and examples do not get the model to a consistent style; fine-tuning changes the default "
    "behaviour instead of asking for it in every prompt.":
        "Anweisungen und Beispiele bringen das Modell nicht zu einem einheitlichen Stil; eine Feinabstimmung "
        "ändert das Standardverhalten, statt es in jedem Prompt einzufordern.",
    "Style is learned from a few hundred to a few thousand good examples, and a LoRA adapter on a ~7B model is "
    "usually enough.":
        "Stil wird aus einigen hundert bis einigen tausend guten Beispielen gelernt, und ein LoRA-Adapter auf "
        "einem Modell mit ~7B Parametern reicht meist aus.",
    "The shorter prompt also lowers latency and cost per request.":
        "Der kürzere Prompt senkt außerdem Latenz und Kosten pro Anfrage.",
    "Collect 300-1000 examples of ideal answers in the target style, hold out 10-15% for validation plus a small "
    "golden set, and train a LoRA adapter with the suggested settings; compare against the best prompt on the "
    "golden set.":
        "Sammeln Sie 300–1000 Beispiele idealer Antworten im Zielstil, halten Sie 10–15 % für die Validierung "
        "sowie ein kleines Golden-Set zurück und trainieren Sie einen LoRA-Adapter mit den vorgeschlagenen "
        "Einstellungen; vergleichen Sie ihn auf dem Golden-Set mit dem besten Prompt.",
    # Leaf: fine-tune, structure
    "Fine-tune for reliable structured output":
        "Feinabstimmung für verlässlich strukturierte Ausgabe",
    "The model does not produce the structure reliably from instructions and examples; fine-tuning makes the "
    "format its default.":
        "Das Modell erzeugt die Struktur mit Anweisungen und Beispielen nicht verlässlich; eine Feinabstimmung "
        "macht das Format zu seinem Standard.",
    "Structured output is easy to check automatically (parse and validate), so the dataset and the evaluation "
    "can be built and scored without human graders.":
        "Strukturierte Ausgabe lässt sich leicht automatisch prüfen (parsen und validieren); Datensatz und "
        "Auswertung lassen sich also ohne menschliche Bewerter/innen erstellen und bewerten.",
    "Keep output validation after fine-tuning: it lowers the failure rate but does not guarantee zero.":
        "Behalten Sie die Validierung der Ausgabe auch nach der Feinabstimmung bei: Sie senkt die Fehlerquote, "
        "garantiert aber nicht null Fehler.",
    "Build 500-2000 input/output pairs whose outputs all validate against the schema, hold out 10-15%, train a "
    "LoRA adapter on a ~7B instruct model, and measure the parse and schema failure rate against the prompted "
    "baseline.":
        "Erstellen Sie 500–2000 Ein-/Ausgabepaare, deren Ausgaben alle dem Schema entsprechen, halten Sie "
        "10–15 % zurück, trainieren Sie einen LoRA-Adapter auf einem ~7B-Instruct-Modell und messen Sie die "
        "Parse- und Schemafehlerquote im Vergleich zur Baseline mit Prompt.",
    # Leaf: fine-tune a smaller model (distillation)
    "Fine-tune a smaller model for a narrow task (latency and cost)":
        "Feinabstimmung eines kleineren Modells für eine eng umrissene Aufgabe (Latenz und Kosten)",
    "A large model already does the task with examples, so its outputs can serve as training data for a much "
    "smaller model.":
        "Ein großes Modell erledigt die Aufgabe mit Beispielen bereits; seine Ausgaben können also als "
        "Trainingsdaten für ein viel kleineres Modell dienen.",
    "For a narrow, well-defined task a small fine-tuned model often matches the large prompted one at a fraction "
    "of the latency and cost.":
        "Bei einer eng umrissenen, klar definierten Aufgabe erreicht ein kleines feinabgestimmtes Modell oft das "
        "große Modell mit Prompt, bei einem Bruchteil von Latenz und Kosten.",
    "The large model's prompted accuracy is the target to measure the small model against.":
        "Die Genauigkeit des großen Modells mit Prompt ist die Messlatte für das kleine Modell.",
    "Run the large model with the working prompt on 1000-5000 real inputs, review a sample of its outputs, and "
    "use the reviewed set to train a LoRA adapter on a 1-8B model; compare accuracy, latency and cost on a "
    "held-out golden set.":
        "Lassen Sie das große Modell mit dem funktionierenden Prompt über 1000–5000 echte Eingaben laufen, prüfen "
        "Sie eine Stichprobe seiner Ausgaben und trainieren Sie mit dem geprüften Satz einen LoRA-Adapter auf "
        "einem Modell mit 1–8B Parametern; vergleichen Sie Genauigkeit, Latenz und Kosten auf einem "
        "zurückgehaltenen Golden-Set.",
    # Leaf: fine-tune on labelled examples
    "Fine-tune on labelled examples for a narrow task":
        "Feinabstimmung mit gelabelten Beispielen für eine eng umrissene Aufgabe",
    "Even prompted with examples the model cannot do the task, so it has to be learned from data.":
        "Selbst mit Beispielen im Prompt kann das Modell die Aufgabe nicht lösen; sie muss also aus Daten gelernt "
        "werden.",
    "A narrow task (classification, extraction, a fixed transformation) can be learned by a small model from "
    "enough labelled examples, which keeps latency and cost low.":
        "Eine eng umrissene Aufgabe (Klassifikation, Extraktion, eine feste Umformung) kann ein kleines Modell "
        "aus genügend gelabelten Beispielen lernen; das hält Latenz und Kosten niedrig.",
    "Label 1000+ real examples (two reviewers on a sample, to measure agreement), hold out 10-15% and a golden "
    "set, and train a LoRA adapter; if quality stalls, try a larger base model before collecting more data.":
        "Labeln Sie über 1000 echte Beispiele (zwei Prüfer/innen auf einer Stichprobe, um die Übereinstimmung zu "
        "messen), halten Sie 10–15 % und ein Golden-Set zurück und trainieren Sie einen LoRA-Adapter; stagniert "
        "die Qualität, versuchen Sie ein größeres Basismodell, bevor Sie mehr Daten sammeln.",
    # Leaf: fine-tune for domain reasoning
    "Fine-tune for domain reasoning that prompting cannot reach":
        "Feinabstimmung für Fachlogik, die Prompting nicht erreicht",
    "The model does not reach the right conclusions even with instructions and examples, so the reasoning has "
    "to be taught from expert data.":
        "Das Modell kommt selbst mit Anweisungen und Beispielen nicht zu den richtigen Schlüssen; das "
        "Schlussfolgern muss ihm also mit Daten von Fachleuten beigebracht werden.",
    "Domain reasoning needs a strong base model (32-70B): fine-tuning adapts how it reasons, it does not add "
    "capacity a small model lacks.":
        "Fachlogik braucht ein starkes Basismodell (32–70B): Die Feinabstimmung passt an, wie es schlussfolgert, "
        "sie fügt keine Fähigkeiten hinzu, die einem kleinen Modell fehlen.",
    "Expert-written examples with their reasoning steps matter more than volume; expect to need domain experts "
    "for the evaluation too.":
        "Von Fachleuten geschriebene Beispiele mit ihren Denkschritten zählen mehr als die Menge; rechnen Sie "
        "damit, auch für die Auswertung Fachleute zu brauchen.",
    "Have domain experts write 300-1000 worked examples with the reasoning, try the largest model you can serve "
    "with a strong prompt first as the baseline, then train a LoRA (or QLoRA) adapter on a 32-70B model and let "
    "experts grade both on a golden set.":
        "Lassen Sie Fachleute 300–1000 durchgearbeitete Beispiele mit der Begründung schreiben, probieren Sie "
        "zuerst das größte Modell, das Sie betreiben können, mit einem starken Prompt als Baseline aus, "
        "trainieren Sie dann einen LoRA- (oder QLoRA-)Adapter auf einem Modell mit 32–70B Parametern und lassen "
        "Sie Fachleute beide auf einem Golden-Set bewerten.",
}
