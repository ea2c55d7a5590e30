<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DecisionTree</name>
    <message>
        <source>In a sentence or two, what should the model do better than it does today?</source>
        <translation>Was soll das Modell besser können als heute? Beschreiben Sie es in ein, zwei Sätzen.</translation>
    </message>
    <message>
        <source>Name the behaviour and who notices it, e.g. &quot;answer support tickets in our tone and ticket format&quot;. The goal is stored with the decision so the evaluation can be checked against it later.</source>
        <translation>Nennen Sie das Verhalten und wer es bemerkt, z. B. „Support-Tickets in unserem Ton und Ticketformat beantworten“. Das Ziel wird mit der Entscheidung gespeichert, damit sich die Auswertung später daran messen lässt.</translation>
    </message>
    <message>
        <source>Which of these is closest to what is missing?</source>
        <translation>Was davon kommt dem am nächsten, was heute fehlt?</translation>
    </message>
    <message>
        <source>Pick the main need; if two apply, pick the one that hurts most today.</source>
        <translation>Wählen Sie den wichtigsten Bedarf; wenn zwei zutreffen, den, der heute am meisten schmerzt.</translation>
    </message>
    <message>
        <source>A consistent style, tone or voice</source>
        <translation>Ein einheitlicher Stil, Ton oder eine einheitliche Stimme</translation>
    </message>
    <message>
        <source>Reliable structured output (JSON, a fixed schema, a fixed layout)</source>
        <translation>Verlässlich strukturierte Ausgabe (JSON, ein festes Schema, ein festes Layout)</translation>
    </message>
    <message>
        <source>A narrow task done faster or cheaper (a smaller model instead of a large one)</source>
        <translation>Eine eng umrissene Aufgabe schneller oder günstiger erledigen (ein kleineres statt eines großen Modells)</translation>
    </message>
    <message>
        <source>Reasoning in a specialised domain (legal, medical, code base, ...)</source>
        <translation>Schlussfolgern in einem Fachgebiet (Recht, Medizin, eine Codebasis, …)</translation>
    </message>
    <message>
        <source>Knowing facts: products, policies, documents, recent events</source>
        <translation>Fakten kennen: Produkte, Richtlinien, Dokumente, aktuelle Ereignisse</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Etwas anderes</translation>
    </message>
    <message>
        <source>Do the answers depend on facts that change often (prices, policies, documentation, stock, news)?</source>
        <translation>Hängen die Antworten von Fakten ab, die sich oft ändern (Preise, Richtlinien, Dokumentation, Lagerbestand, Nachrichten)?</translation>
    </message>
    <message>
        <source>Often means: the facts would be out of date before you would retrain the model.</source>
        <translation>„Oft“ heißt: Die Fakten wären veraltet, bevor Sie das Modell neu trainieren würden.</translation>
    </message>
    <message>
        <source>Must the answers cite or quote their sources?</source>
        <translation>Müssen die Antworten ihre Quellen nennen oder zitieren?</translation>
    </message>
    <message>
        <source>For example because users check answers against documents, or an auditor asks where an answer came from.</source>
        <translation>Zum Beispiel, weil Benutzer die Antworten mit Dokumenten abgleichen oder eine Prüfstelle wissen will, woher eine Antwort stammt.</translation>
    </message>
    <message>
        <source>Does a capable model already do the task well when the prompt holds clear instructions and a few examples?</source>
        <translation>Erledigt ein leistungsfähiges Modell die Aufgabe bereits gut, wenn der Prompt klare Anweisungen und einige Beispiele enthält?</translation>
    </message>
    <message>
        <source>Try it before answering: write the instructions, add three to five good examples, and look at twenty outputs.</source>
        <translation>Probieren Sie es aus, bevor Sie antworten: Schreiben Sie die Anweisungen, fügen Sie drei bis fünf gute Beispiele hinzu und sehen Sie sich zwanzig Ausgaben an.</translation>
    </message>
    <message>
        <source>Use retrieval (RAG): the facts change</source>
        <translation>Retrieval (RAG) verwenden: Die Fakten ändern sich</translation>
    </message>
    <message>
        <source>Facts learned in fine-tuning are frozen at training time; every change would need a new training run and a new evaluation.</source>
        <translation>Bei der Feinabstimmung gelernte Fakten sind auf dem Stand des Trainings eingefroren; jede Änderung erforderte einen neuen Trainingslauf und eine neue Auswertung.</translation>
    </message>
    <message>
        <source>Retrieval reads the current document at answer time, so updating the knowledge is updating the index.</source>
        <translation>Retrieval liest beim Antworten das aktuelle Dokument; das Wissen zu aktualisieren heißt also, den Index zu aktualisieren.</translation>
    </message>
    <message>
        <source>Fine-tuning teaches behaviour (tone, format) better than facts; if the style matters too, fine-tune for it later, on top of retrieval.</source>
        <translation>Feinabstimmung vermittelt Verhalten (Ton, Format) besser als Fakten; wenn auch der Stil zählt, stimmen Sie ihn später zusätzlich zum Retrieval fein ab.</translation>
    </message>
    <message>
        <source>Index the source documents, retrieve the top few passages per question, and put them in the prompt with the instruction to answer only from them. Measure answer accuracy on 50 real questions before tuning anything.</source>
        <translation>Indizieren Sie die Quelldokumente, rufen Sie pro Frage die besten Passagen ab und geben Sie sie mit der Anweisung in den Prompt, nur daraus zu antworten. Messen Sie die Antwortgenauigkeit an 50 echten Fragen, bevor Sie irgendetwas feinabstimmen.</translation>
    </message>
    <message>
        <source>Use retrieval (RAG): answers must cite sources</source>
        <translation>Retrieval (RAG) verwenden: Antworten müssen Quellen nennen</translation>
    </message>
    <message>
        <source>A fine-tuned model cannot say which training example a fact came from, and it invents plausible citations.</source>
        <translation>Ein feinabgestimmtes Modell kann nicht sagen, aus welchem Trainingsbeispiel ein Fakt stammt, und erfindet plausibel klingende Quellenangaben.</translation>
    </message>
    <message>
        <source>With retrieval the passages are in the prompt, so every citation can be checked against a real document.</source>
        <translation>Mit Retrieval stehen die Passagen im Prompt, sodass sich jede Quellenangabe an einem echten Dokument prüfen lässt.</translation>
    </message>
    <message>
        <source>Retrieve passages with their document ids, ask the model to quote the id for each claim, and check the cited passages really contain the claims on a sample of answers.</source>
        <translation>Rufen Sie Passagen mit ihren Dokument-IDs ab, lassen Sie das Modell zu jeder Aussage die ID angeben und prüfen Sie an einer Stichprobe von Antworten, ob die zitierten Passagen die Aussagen wirklich enthalten.</translation>
    </message>
    <message>
        <source>Use retrieval (RAG) for knowledge the model lacks</source>
        <translation>Retrieval (RAG) für Wissen verwenden, das dem Modell fehlt</translation>
    </message>
    <message>
        <source>The model does not know these facts and examples in the prompt do not help; fine-tuning on facts gives unreliable recall and more confident hallucinations.</source>
        <translation>Das Modell kennt diese Fakten nicht, und Beispiele im Prompt helfen nicht; Feinabstimmung auf Fakten führt zu unzuverlässigem Abruf und selbstsichereren Halluzinationen.</translation>
    </message>
    <message>
        <source>The facts are stable, so a retrieval index built once stays valid; retrieval also shows which passage an answer used.</source>
        <translation>Die Fakten sind stabil, ein einmal erstellter Retrieval-Index bleibt also gültig; Retrieval zeigt außerdem, auf welche Passage sich eine Antwort stützt.</translation>
    </message>
    <message>
        <source>Put the relevant documents (or retrieved passages) in the prompt and check that the model answers correctly from them; only if it then fails at the format or style is fine-tuning worth a look.</source>
        <translation>Geben Sie die relevanten Dokumente (oder abgerufene Passagen) in den Prompt und prüfen Sie, ob das Modell daraus richtig antwortet; erst wenn es dann an Format oder Stil scheitert, lohnt sich ein Blick auf die Feinabstimmung.</translation>
    </message>
    <message>
        <source>Better prompting: the model already writes in this style with examples</source>
        <translation>Besseres Prompting: Das Modell schreibt mit Beispielen bereits in diesem Stil</translation>
    </message>
    <message>
        <source>A model that already matches the style from instructions and a few examples needs no training run, dataset or evaluation cycle.</source>
        <translation>Ein Modell, das den Stil schon mit Anweisungen und einigen Beispielen trifft, braucht keinen Trainingslauf, keinen Datensatz und keinen Auswertungszyklus.</translation>
    </message>
    <message>
        <source>Prompt changes ship in minutes and can be rolled back; a fine-tuned model must be retrained for every style change.</source>
        <translation>Prompt-Änderungen sind in Minuten ausgeliefert und lassen sich zurücknehmen; ein feinabgestimmtes Modell muss für jede Stiländerung neu trainiert werden.</translation>
    </message>
    <message>
        <source>Write a system prompt describing the style, add three to five examples of ideal answers, and compare twenty outputs with real ones. Revisit fine-tuning only if the prompt gets too long, too slow or too costly.</source>
        <translation>Schreiben Sie einen Systemprompt, der den Stil beschreibt, fügen Sie drei bis fünf Beispiele idealer Antworten hinzu und vergleichen Sie zwanzig Ausgaben mit echten. Kommen Sie nur dann auf die Feinabstimmung zurück, wenn der Prompt zu lang, zu langsam oder zu teuer wird.</translation>
    </message>
    <message>
        <source>Better prompting and constrained decoding for the structure</source>
        <translation>Besseres Prompting und eingeschränkte Dekodierung für die Struktur</translation>
    </message>
    <message>
        <source>The model already produces the structure with examples; a schema in the prompt plus constrained (grammar or JSON-schema) decoding makes it reliable without training.</source>
        <translation>Das Modell erzeugt die Struktur mit Beispielen bereits; ein Schema im Prompt und eingeschränkte Dekodierung (per Grammatik oder JSON-Schema) machen sie ohne Training verlässlich.</translation>
    </message>
    <message>
        <source>Validation with one automatic retry usually closes the remaining gap at far lower cost than a fine-tuning project.</source>
        <translation>Eine Validierung mit einem automatischen zweiten Versuch schließt die verbleibende Lücke meist zu weit geringeren Kosten als ein Feinabstimmungsprojekt.</translation>
    </message>
    <message>
        <source>Put the schema and two examples in the prompt, turn on JSON or grammar-constrained decoding where the server supports it, validate every output and measure the failure rate on 100 real inputs.</source>
        <translation>Geben Sie das Schema und zwei Beispiele in den Prompt, schalten Sie JSON- oder grammatikgebundene Dekodierung ein, wo der Server sie unterstützt, validieren Sie jede Ausgabe und messen Sie die Fehlerquote an 100 echten Eingaben.</translation>
    </message>
    <message>
        <source>Better prompting: the model reasons well enough with guidance</source>
        <translation>Besseres Prompting: Das Modell schlussfolgert mit Anleitung gut genug</translation>
    </message>
    <message>
        <source>The model already reaches the right conclusions with instructions and examples, so the reasoning ability is there.</source>
        <translation>Das Modell kommt mit Anweisungen und Beispielen bereits zu den richtigen Schlüssen; die Fähigkeit zum Schlussfolgern ist also vorhanden.</translation>
    </message>
    <message>
        <source>Step-by-step instructions, worked examples and a larger model are cheaper to try than collecting expert training data.</source>
        <translation>Schrittweise Anweisungen, durchgerechnete Beispiele und ein größeres Modell sind günstiger auszuprobieren, als Trainingsdaten von Fachleuten zu sammeln.</translation>
    </message>
    <message>
        <source>Write down the reasoning steps an expert follows, add worked examples to the prompt, and have a domain expert grade 30 answers. Fine-tune only if a smaller, cheaper model must reach the same quality.</source>
        <translation>Schreiben Sie die Denkschritte auf, denen eine Fachperson folgt, fügen Sie durchgerechnete Beispiele in den Prompt ein und lassen Sie eine Fachperson 30 Antworten bewerten. Stimmen Sie nur dann fein ab, wenn ein kleineres, günstigeres Modell dieselbe Qualität erreichen muss.</translation>
    </message>
    <message>
        <source>Better prompting: the model can use the knowledge given in the prompt</source>
        <translation>Besseres Prompting: Das Modell kann das Wissen aus dem Prompt nutzen</translation>
    </message>
    <message>
        <source>The facts are stable and fit in the prompt, and the model answers well when they are there.</source>
        <translation>Die Fakten sind stabil und passen in den Prompt, und das Modell antwortet gut, wenn sie dort stehen.</translation>
    </message>
    <message>
        <source>Nothing needs to be trained or indexed; grow to retrieval when the material no longer fits in the prompt.</source>
        <translation>Nichts muss trainiert oder indiziert werden; wechseln Sie zu Retrieval, sobald das Material nicht mehr in den Prompt passt.</translation>
    </message>
    <message>
        <source>Put the reference material in the system prompt (or a cached prefix), check twenty answers, and watch the prompt length as the material grows.</source>
        <translation>Geben Sie das Referenzmaterial in den Systemprompt (oder ein zwischengespeichertes Präfix), prüfen Sie zwanzig Antworten und behalten Sie die Prompt-Länge im Blick, wenn das Material wächst.</translation>
    </message>
    <message>
        <source>Better prompting: the model can already do it</source>
        <translation>Besseres Prompting: Das Modell kann es bereits</translation>
    </message>
    <message>
        <source>The model does the task well with instructions and examples, and none of the usual reasons for fine-tuning (style, structure, latency, domain reasoning) is the main need.</source>
        <translation>Das Modell erledigt die Aufgabe mit Anweisungen und Beispielen gut, und keiner der üblichen Gründe für eine Feinabstimmung (Stil, Struktur, Latenz, Fachlogik) ist der Hauptbedarf.</translation>
    </message>
    <message>
        <source>Prompting keeps the strongest general model and costs no training data.</source>
        <translation>Mit Prompting behalten Sie das stärkste allgemeine Modell und brauchen keine Trainingsdaten.</translation>
    </message>
    <message>
        <source>Turn the instructions and examples that worked into a fixed prompt, build a small evaluation set of 30-50 real inputs, and keep it to judge any later change.</source>
        <translation>Machen Sie aus den Anweisungen und Beispielen, die funktioniert haben, einen festen Prompt, stellen Sie ein kleines Auswertungsset aus 30–50 echten Eingaben zusammen und bewahren Sie es auf, um jede spätere Änderung daran zu messen.</translation>
    </message>
    <message>
        <source>Define the gap before training: improve the prompt and build an evaluation set</source>
        <translation>Vor dem Training die Lücke benennen: Prompt verbessern und ein Auswertungsset aufbauen</translation>
    </message>
    <message>
        <source>The need is not one of the cases where fine-tuning is known to pay off (style, structure, narrow latency or cost, domain reasoning).</source>
        <translation>Der Bedarf gehört nicht zu den Fällen, in denen sich Feinabstimmung erfahrungsgemäß lohnt (Stil, Struktur, Latenz oder Kosten einer eng umrissenen Aufgabe, Fachlogik).</translation>
    </message>
    <message>
        <source>Without a clear, measurable failure, a fine-tuned model cannot be shown to be better than a well-prompted one.</source>
        <translation>Ohne einen klaren, messbaren Fehler lässt sich nicht zeigen, dass ein feinabgestimmtes Modell besser ist als ein gut gepromptetes.</translation>
    </message>
    <message>
        <source>Collect 30-50 real inputs where the model fails, write down what a good answer is for each, and iterate on the prompt against them. Come back to this advisor when the failures have a name.</source>
        <translation>Sammeln Sie 30–50 echte Eingaben, bei denen das Modell scheitert, schreiben Sie zu jeder auf, wie eine gute Antwort aussieht, und verbessern Sie den Prompt schrittweise daran. Kommen Sie zu diesem Berater zurück, wenn die Fehler einen Namen haben.</translation>
    </message>
    <message>
        <source>Fine-tune for style consistency</source>
        <translation>Feinabstimmung für einen einheitlichen Stil</translation>
    </message>
    <message>
        <source>Instructions and examples do not get the model to a consistent style; fine-tuning changes the default behaviour instead of asking for it in every prompt.</source>
        <translation>Anweisungen und Beispiele bringen das Modell nicht zu einem einheitlichen Stil; eine Feinabstimmung ändert das Standardverhalten, statt es in jedem Prompt einzufordern.</translation>
    </message>
    <message>
        <source>Style is learned from a few hundred to a few thousand good examples, and a LoRA adapter on a ~7B model is usually enough.</source>
        <translation>Stil wird aus einigen hundert bis einigen tausend guten Beispielen gelernt, und ein LoRA-Adapter auf einem Modell mit ~7B Parametern reicht meist aus.</translation>
    </message>
    <message>
        <source>The shorter prompt also lowers latency and cost per request.</source>
        <translation>Der kürzere Prompt senkt außerdem Latenz und Kosten pro Anfrage.</translation>
    </message>
    <message>
        <source>Collect 300-1000 examples of ideal answers in the target style, hold out 10-15% for validation plus a small golden set, and train a LoRA adapter with the suggested settings; compare against the best prompt on the golden set.</source>
        <translation>Sammeln Sie 300–1000 Beispiele idealer Antworten im Zielstil, halten Sie 10–15 % für die Validierung sowie ein kleines Golden-Set zurück und trainieren Sie einen LoRA-Adapter mit den vorgeschlagenen Einstellungen; vergleichen Sie ihn auf dem Golden-Set mit dem besten Prompt.</translation>
    </message>
    <message>
        <source>Fine-tune for reliable structured output</source>
        <translation>Feinabstimmung für verlässlich strukturierte Ausgabe</translation>
    </message>
    <message>
        <source>The model does not produce the structure reliably from instructions and examples; fine-tuning makes the format its default.</source>
        <translation>Das Modell erzeugt die Struktur mit Anweisungen und Beispielen nicht verlässlich; eine Feinabstimmung macht das Format zu seinem Standard.</translation>
    </message>
    <message>
        <source>Structured output is easy to check automatically (parse and validate), so the dataset and the evaluation can be built and scored without human graders.</source>
        <translation>Strukturierte Ausgabe lässt sich leicht automatisch prüfen (parsen und validieren); Datensatz und Auswertung lassen sich also ohne menschliche Bewerter/innen erstellen und bewerten.</translation>
    </message>
    <message>
        <source>Keep output validation after fine-tuning: it lowers the failure rate but does not guarantee zero.</source>
        <translation>Behalten Sie die Validierung der Ausgabe auch nach der Feinabstimmung bei: Sie senkt die Fehlerquote, garantiert aber nicht null Fehler.</translation>
    </message>
    <message>
        <source>Build 500-2000 input/output pairs whose outputs all validate against the schema, hold out 10-15%, train a LoRA adapter on a ~7B instruct model, and measure the parse and schema failure rate against the prompted baseline.</source>
        <translation>Erstellen Sie 500–2000 Ein-/Ausgabepaare, deren Ausgaben alle dem Schema entsprechen, halten Sie 10–15 % zurück, trainieren Sie einen LoRA-Adapter auf einem ~7B-Instruct-Modell und messen Sie die Parse- und Schemafehlerquote im Vergleich zur Baseline mit Prompt.</translation>
    </message>
    <message>
        <source>Fine-tune a smaller model for a narrow task (latency and cost)</source>
        <translation>Feinabstimmung eines kleineren Modells für eine eng umrissene Aufgabe (Latenz und Kosten)</translation>
    </message>
    <message>
        <source>A large model already does the task with examples, so its outputs can serve as training data for a much smaller model.</source>
        <translation>Ein großes Modell erledigt die Aufgabe mit Beispielen bereits; seine Ausgaben können also als Trainingsdaten für ein viel kleineres Modell dienen.</translation>
    </message>
    <message>
        <source>For a narrow, well-defined task a small fine-tuned model often matches the large prompted one at a fraction of the latency and cost.</source>
        <translation>Bei einer eng umrissenen, klar definierten Aufgabe erreicht ein kleines feinabgestimmtes Modell oft das große Modell mit Prompt, bei einem Bruchteil von Latenz und Kosten.</translation>
    </message>
    <message>
        <source>The large model&apos;s prompted accuracy is the target to measure the small model against.</source>
        <translation>Die Genauigkeit des großen Modells mit Prompt ist die Messlatte für das kleine Modell.</translation>
    </message>
    <message>
        <source>Run the large model with the working prompt on 1000-5000 real inputs, review a sample of its outputs, and use the reviewed set to train a LoRA adapter on a 1-8B model; compare accuracy, latency and cost on a held-out golden set.</source>
        <translation>Lassen Sie das große Modell mit dem funktionierenden Prompt über 1000–5000 echte Eingaben laufen, prüfen Sie eine Stichprobe seiner Ausgaben und trainieren Sie mit dem geprüften Satz einen LoRA-Adapter auf einem Modell mit 1–8B Parametern; vergleichen Sie Genauigkeit, Latenz und Kosten auf einem zurückgehaltenen Golden-Set.</translation>
    </message>
    <message>
        <source>Fine-tune on labelled examples for a narrow task</source>
        <translation>Feinabstimmung mit gelabelten Beispielen für eine eng umrissene Aufgabe</translation>
    </message>
    <message>
        <source>Even prompted with examples the model cannot do the task, so it has to be learned from data.</source>
        <translation>Selbst mit Beispielen im Prompt kann das Modell die Aufgabe nicht lösen; sie muss also aus Daten gelernt werden.</translation>
    </message>
    <message>
        <source>A narrow task (classification, extraction, a fixed transformation) can be learned by a small model from enough labelled examples, which keeps latency and cost low.</source>
        <translation>Eine eng umrissene Aufgabe (Klassifikation, Extraktion, eine feste Umformung) kann ein kleines Modell aus genügend gelabelten Beispielen lernen; das hält Latenz und Kosten niedrig.</translation>
    </message>
    <message>
        <source>Label 1000+ real examples (two reviewers on a sample, to measure agreement), hold out 10-15% and a golden set, and train a LoRA adapter; if quality stalls, try a larger base model before collecting more data.</source>
        <translation>Labeln Sie über 1000 echte Beispiele (zwei Prüfer/innen auf einer Stichprobe, um die Übereinstimmung zu messen), halten Sie 10–15 % und ein Golden-Set zurück und trainieren Sie einen LoRA-Adapter; stagniert die Qualität, versuchen Sie ein größeres Basismodell, bevor Sie mehr Daten sammeln.</translation>
    </message>
    <message>
        <source>Fine-tune for domain reasoning that prompting cannot reach</source>
        <translation>Feinabstimmung für Fachlogik, die Prompting nicht erreicht</translation>
    </message>
    <message>
        <source>The model does not reach the right conclusions even with instructions and examples, so the reasoning has to be taught from expert data.</source>
        <translation>Das Modell kommt selbst mit Anweisungen und Beispielen nicht zu den richtigen Schlüssen; das Schlussfolgern muss ihm also mit Daten von Fachleuten beigebracht werden.</translation>
    </message>
    <message>
        <source>Domain reasoning needs a strong base model (32-70B): fine-tuning adapts how it reasons, it does not add capacity a small model lacks.</source>
        <translation>Fachlogik braucht ein starkes Basismodell (32–70B): Die Feinabstimmung passt an, wie es schlussfolgert, sie fügt keine Fähigkeiten hinzu, die einem kleinen Modell fehlen.</translation>
    </message>
    <message>
        <source>Expert-written examples with their reasoning steps matter more than volume; expect to need domain experts for the evaluation too.</source>
        <translation>Von Fachleuten geschriebene Beispiele mit ihren Denkschritten zählen mehr als die Menge; rechnen Sie damit, auch für die Auswertung Fachleute zu brauchen.</translation>
    </message>
    <message>
        <source>Have domain experts write 300-1000 worked examples with the reasoning, try the largest model you can serve with a strong prompt first as the baseline, then train a LoRA (or QLoRA) adapter on a 32-70B model and let experts grade both on a golden set.</source>
        <translation>Lassen Sie Fachleute 300–1000 durchgearbeitete Beispiele mit der Begründung schreiben, probieren Sie zuerst das größte Modell, das Sie betreiben können, mit einem starken Prompt als Baseline aus, trainieren Sie dann einen LoRA- (oder QLoRA-)Adapter auf einem Modell mit 32–70B Parametern und lassen Sie Fachleute beide auf einem Golden-Set bewerten.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Could not write %1: check that the folder exists and is writable.</source>
        <translation>%1 konnte nicht geschrieben werden: Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>Export as PNG...</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export as PDF...</source>
        <translation>Als PDF exportieren…</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source>pass rate</source>
        <translation>Bestehensquote</translation>
    </message>
    <message>
        <source>mean score</source>
        <translation>mittlere Punktzahl</translation>
    </message>
    <message>
        <source>all items</source>
        <translation>alle Einträge</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>undefiniert</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Judge vs human: Cohen&apos;s kappa per criterion (95% CI)</source>
        <translation>Judge gegen Mensch: Cohens Kappa je Kriterium (95-%-KI)</translation>
    </message>
    <message>
        <source>kappa (95% CI)</source>
        <translation>Kappa (95-%-KI)</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>Schwelle %1</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa</source>
        <translation>Cohens Kappa</translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <source>stopped early</source>
        <translation>vorzeitig beendet</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Ran every planned step.</source>
        <translation>Alle geplanten Schritte ausgeführt.</translation>
    </message>
    <message>
        <source>Stopped early: the validation loss stopped improving for the patience set in the run. The adapter holds the best validation checkpoint.</source>
        <translation>Vorzeitig beendet: Der Validierungsverlust hat sich über die im Lauf eingestellte Geduld nicht mehr verbessert. Der Adapter enthält den Checkpoint mit dem besten Validierungsverlust.</translation>
    </message>
    <message>
        <source>Stopped: the loss became NaN or infinite. The last good checkpoint was kept.</source>
        <translation>Abgebrochen: Der Verlust wurde NaN oder unendlich. Der letzte gute Checkpoint wurde behalten.</translation>
    </message>
    <message>
        <source>Stopped: the gradient norm became NaN or infinite. The last good checkpoint was kept.</source>
        <translation>Abgebrochen: Die Gradientennorm wurde NaN oder unendlich. Der letzte gute Checkpoint wurde behalten.</translation>
    </message>
    <message>
        <source>Stopped by an error: see the run&apos;s log.</source>
        <translation>Durch einen Fehler beendet: siehe das Protokoll des Laufs.</translation>
    </message>
    <message>
        <source>Cancelled; it can be resumed from its last checkpoint.</source>
        <translation>Abgebrochen; der Lauf kann vom letzten Checkpoint aus fortgesetzt werden.</translation>
    </message>
</context>
<context>
    <name>tbui::Advisor</name>
    <message>
        <source>Fine-tune</source>
        <translation>Feinabstimmung</translation>
    </message>
    <message>
        <source>Better prompting</source>
        <translation>Besseres Prompting</translation>
    </message>
    <message>
        <source>Retrieval (RAG)</source>
        <translation>Retrieval (RAG)</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>QLoRA (4-bit base)</source>
        <translation>QLoRA (4-Bit-Basismodell)</translation>
    </message>
    <message>
        <source>Full fine-tuning</source>
        <translation>Vollständige Feinabstimmung</translation>
    </message>
    <message>
        <source> with %1</source>
        <translation> mit %1</translation>
    </message>
    <message>
        <source> (the advisor recommended %1; overridden because: %2)</source>
        <translation> (der Berater empfahl %1; abweichend entschieden, weil: %2)</translation>
    </message>
    <message>
        <source>, as the advisor recommended</source>
        <translation>, wie vom Berater empfohlen</translation>
    </message>
    <message>
        <source>&lt;br&gt;Decided by %1 on %2.</source>
        <translation>&lt;br&gt;Entschieden von %1 am %2.</translation>
    </message>
</context>
<context>
    <name>tbui::AdvisorBaseModelPage</name>
    <message>
        <source>Base model and method</source>
        <translation>Basismodell und Methode</translation>
    </message>
    <message>
        <source>Choose a model folder (its config.json gives the size) or type a size; the memory estimates follow the GPU memory, sequence length and batch size.</source>
        <translation>Wählen Sie einen Modellordner (seine config.json liefert die Größe) oder geben Sie eine Größe ein; die Speicherschätzungen richten sich nach GPU-Speicher, Sequenzlänge und Batchgröße.</translation>
    </message>
    <message>
        <source>A Hugging Face model folder with config.json</source>
        <translation>Ein Hugging-Face-Modellordner mit config.json</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Model folder:</source>
        <translation>Modellordner:</translation>
    </message>
    <message>
        <source>or a size: 7B, 1.3B, 350M</source>
        <translation>oder eine Größe: 7B, 1.3B, 350M</translation>
    </message>
    <message>
        <source>Or its size:</source>
        <translation>Oder seine Größe:</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>GPU memory:</source>
        <translation>GPU-Speicher:</translation>
    </message>
    <message>
        <source>Sequence length:</source>
        <translation>Sequenzlänge:</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>GPU memory (GiB)</source>
        <translation>GPU-Speicher (GiB)</translation>
    </message>
    <message>
        <source>Fits</source>
        <translation>Passt</translation>
    </message>
    <message>
        <source>Base model folder</source>
        <translation>Ordner des Basismodells</translation>
    </message>
    <message>
        <source>&lt;b&gt;Suggested base model: %1.&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Vorgeschlagenes Basismodell: %1.&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>No model chosen yet: the estimates need a folder or a size.</source>
        <translation>Noch kein Modell gewählt: Für die Schätzungen ist ein Ordner oder eine Größe nötig.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Method: LoRA (the default for a first run).</source>
        <translation>Methode: LoRA (der Standard für einen ersten Trainingslauf).</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 parameters&lt;/b&gt; (%2)</source>
        <translation>&lt;b&gt;%1 Parameter&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <source>GPU memory unknown</source>
        <translation>GPU-Speicher unbekannt</translation>
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
        <source>&lt;b&gt;Recommended method: %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Empfohlene Methode: %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Detected: %1 (nvidia-smi). Type another figure for the GPU you will train on.</source>
        <translation>Erkannt: %1 (nvidia-smi). Geben Sie einen anderen Wert für die GPU ein, auf der Sie trainieren werden.</translation>
    </message>
    <message>
        <source>No NVIDIA GPU detected here: type the memory of the GPU you will train on.</source>
        <translation>Hier wurde keine NVIDIA-GPU erkannt: Geben Sie den Speicher der GPU ein, auf der Sie trainieren werden.</translation>
    </message>
</context>
<context>
    <name>tbui::AdvisorQuestionPage</name>
    <message>
        <source>Your answer</source>
        <translation>Ihre Antwort</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>tbui::AdvisorRecommendationPage</name>
    <message>
        <source>The advisor&apos;s recommendation</source>
        <translation>Die Empfehlung des Beraters</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Who takes this decision (stored with it)</source>
        <translation>Wer diese Entscheidung trifft (wird mit ihr gespeichert)</translation>
    </message>
    <message>
        <source>Decided by:</source>
        <translation>Entschieden von:</translation>
    </message>
    <message>
        <source>We decide otherwise:</source>
        <translation>Wir entscheiden anders:</translation>
    </message>
    <message>
        <source>Why (required for an override; stored with the decision)</source>
        <translation>Warum (bei einer abweichenden Entscheidung erforderlich; wird mit ihr gespeichert)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <source>The answers cannot be evaluated: %1</source>
        <translation>Die Antworten können nicht ausgewertet werden: %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1: %2&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;%1: %2&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why&lt;/b&gt;</source>
        <translation>&lt;b&gt;Warum&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;What to try first&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Was Sie zuerst versuchen sollten&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
</context>
<context>
    <name>tbui::AdvisorSettingsPage</name>
    <message>
        <source>Starting settings for the first run</source>
        <translation>Starteinstellungen für den ersten Trainingslauf</translation>
    </message>
    <message>
        <source>Common starting points for the method; the Training tab&apos;s run dialog starts from them.</source>
        <translation>Übliche Ausgangswerte für die Methode; der Dialog für neue Trainingsläufe (Registerkarte Training) übernimmt sie.</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>Validation share:</source>
        <translation>Validierungsanteil:</translation>
    </message>
    <message>
        <source>Method: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Methode: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>, rank %1, alpha %2</source>
        <translation>, Rang %1, Alpha %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;Usual ranges: learning rate %1, epochs %2, validation %3 %.</source>
        <translation>&lt;br&gt;Übliche Bereiche: Lernrate %1, Epochen %2, Validierung %3 %.</translation>
    </message>
    <message>
        <source>&lt;br&gt;Sequence length %1, batch size %2.</source>
        <translation>&lt;br&gt;Sequenzlänge %1, Batchgröße %2.</translation>
    </message>
</context>
<context>
    <name>tbui::AdvisorWizard</name>
    <message>
        <source>Fine-tuning advisor</source>
        <translation>Berater für die Feinabstimmung</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Cannot store the decision</source>
        <translation>Die Entscheidung kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Answer every question first.</source>
        <translation>Beantworten Sie zuerst alle Fragen.</translation>
    </message>
</context>
<context>
    <name>tbui::BlindGradingWidget</name>
    <message>
        <source>Nothing to grade.</source>
        <translation>Nichts zu bewerten.</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Reference answer</source>
        <translation>Referenzantwort</translation>
    </message>
    <message>
        <source>Answer to grade</source>
        <translation>Zu bewertende Antwort</translation>
    </message>
    <message>
        <source>Rubric: 1-9 select, Space toggles, Enter saves and moves on, P previous</source>
        <translation>Bewertungsraster: 1–9 wählt aus, Leertaste schaltet um, Eingabe speichert und geht weiter, P zurück</translation>
    </message>
    <message>
        <source>Left answer (A)</source>
        <translation>Linke Antwort (A)</translation>
    </message>
    <message>
        <source>Right answer (B)</source>
        <translation>Rechte Antwort (B)</translation>
    </message>
    <message>
        <source>A: left is better   B: right is better   T: tie   P: previous   N: next</source>
        <translation>A: links ist besser   B: rechts ist besser   T: gleich gut   P: zurück   N: weiter</translation>
    </message>
    <message>
        <source>(no reference)</source>
        <translation>(keine Referenz)</translation>
    </message>
    <message>
        <source> (critical)</source>
        <translation> (kritisch)</translation>
    </message>
    <message>
        <source>Not graded yet.</source>
        <translation>Noch nicht bewertet.</translation>
    </message>
    <message>
        <source>Graded: Enter saves changes.</source>
        <translation>Bewertet: Eingabe speichert Änderungen.</translation>
    </message>
    <message>
        <source>Your choice: tie.</source>
        <translation>Ihre Wahl: gleich gut.</translation>
    </message>
    <message>
        <source>Your choice: left.</source>
        <translation>Ihre Wahl: links.</translation>
    </message>
    <message>
        <source>Your choice: right.</source>
        <translation>Ihre Wahl: rechts.</translation>
    </message>
    <message>
        <source>All %1 graded.</source>
        <translation>Alle %1 bewertet.</translation>
    </message>
    <message>
        <source>That was the last one.</source>
        <translation>Das war der letzte Eintrag.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved. That was the last one.</source>
        <translation>Gespeichert. Das war der letzte Eintrag.</translation>
    </message>
    <message>
        <source>Saved. That was the last pair.</source>
        <translation>Gespeichert. Das war das letzte Paar.</translation>
    </message>
</context>
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
        <translation>Datenprüfung starten</translation>
    </message>
    <message>
        <source>No data report yet: run the checks.</source>
        <translation>Noch kein Datenbericht: Starten Sie die Datenprüfung.</translation>
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
        <translation>… %1 weitere (klicken Sie auf die Art, um alle zu sehen)</translation>
    </message>
    <message>
        <source>No findings: the data looks clean.</source>
        <translation>Keine Befunde: Die Daten sehen sauber aus.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
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
        <translation>Wählen Sie ein Beispiel aus, um seinen Dialog zu sehen.</translation>
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
    <name>tbui::CoverageView</name>
    <message>
        <source>Tag coverage (share of examples; black tick = target, red = below target)</source>
        <translation>Tag-Abdeckung (Anteil der Beispiele; schwarze Markierung = Ziel, rot = unter dem Ziel)</translation>
    </message>
    <message>
        <source>Messages per example</source>
        <translation>Nachrichten pro Beispiel</translation>
    </message>
    <message>
        <source>Characters per example</source>
        <translation>Zeichen pro Beispiel</translation>
    </message>
    <message>
        <source>%1 accepted of %2 imported  ·  %3 reviewed  ·  %4% of reviewed examples are stale (re-review every %5 days)  ·  %6 tag(s) below target</source>
        <translation>%1 von %2 importierten angenommen  ·  %3 geprüft  ·  %4 % der geprüften Beispiele sind veraltet (erneute Prüfung nach %5 Tagen)  ·  %6 Tag(s) unter dem Ziel</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>below target</source>
        <translation>unter dem Ziel</translation>
    </message>
    <message>
        <source>target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>% of examples</source>
        <translation>% der Beispiele</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>Beispiele</translation>
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
        <translation>&lt;h2&gt;Tunebench %1&lt;/h2&gt;&lt;p&gt;Eine Werkbank für die Feinabstimmung von Sprachmodellen: Datensatz kuratieren, LoRA-Adapter trainieren, mit Golden-Sets auswerten.&lt;/p&gt;</translation>
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
        <translation>%1 (Referenz-BLAS: Matrixrechnungen laufen etwa 30-mal langsamer; installieren Sie libopenblas0-pthread)</translation>
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
    <name>tbui::EndpointTargetForm</name>
    <message>
        <source>e.g. https://api.openai.com/v1 or http://localhost:8000/v1</source>
        <translation>z. B. https://api.openai.com/v1 oder http://localhost:8000/v1</translation>
    </message>
    <message>
        <source>The base URL of an OpenAI-compatible chat API, without /chat/completions</source>
        <translation>Die Basis-URL einer OpenAI-kompatiblen Chat-API, ohne /chat/completions</translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation>Endpunkt-URL</translation>
    </message>
    <message>
        <source>the model name the endpoint serves, e.g. gpt-4o-mini</source>
        <translation>der Modellname, den der Endpunkt bereitstellt, z. B. gpt-4o-mini</translation>
    </message>
    <message>
        <source>Model name</source>
        <translation>Modellname</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <source>OS keychain entry for the URL</source>
        <translation>Schlüsselbund-Eintrag des Systems für die URL</translation>
    </message>
    <message>
        <source>No key (a local server)</source>
        <translation>Kein Schlüssel (ein lokaler Server)</translation>
    </message>
    <message>
        <source>The API key is read when the run starts and is never stored in the project file. Store a key in the keychain with: tunebench-cli keychain set --url URL</source>
        <translation>Der API-Schlüssel wird beim Start des Laufs gelesen und nie in der Projektdatei gespeichert. Einen Schlüssel im Schlüsselbund speichern: tunebench-cli keychain set --url URL</translation>
    </message>
    <message>
        <source>API key from</source>
        <translation>API-Schlüssel aus</translation>
    </message>
    <message>
        <source>the name of the variable, e.g. OPENAI_API_KEY</source>
        <translation>der Name der Variablen, z. B. OPENAI_API_KEY</translation>
    </message>
    <message>
        <source>Variable name</source>
        <translation>Variablenname</translation>
    </message>
    <message>
        <source>Enter the endpoint&apos;s base URL.</source>
        <translation>Geben Sie die Basis-URL des Endpunkts ein.</translation>
    </message>
    <message>
        <source>%1 is not an http:// or https:// URL with a host (e.g. https://api.openai.com/v1).</source>
        <translation>%1 ist keine http://- oder https://-URL mit einem Host (z. B. https://api.openai.com/v1).</translation>
    </message>
    <message>
        <source>Enter the model name the endpoint serves.</source>
        <translation>Geben Sie den Modellnamen ein, den der Endpunkt bereitstellt.</translation>
    </message>
    <message>
        <source>Waiting for the OS keychain to answer.</source>
        <translation>Warten auf die Antwort des Schlüsselbunds.</translation>
    </message>
    <message>
        <source>No key is sent, unless the OS keychain holds one for this URL (local servers such as vLLM, llama.cpp or Ollama need none).</source>
        <translation>Es wird kein Schlüssel gesendet, außer der Schlüsselbund des Systems enthält einen für diese URL (lokale Server wie vLLM, llama.cpp oder Ollama brauchen keinen).</translation>
    </message>
    <message>
        <source>Name the environment variable that holds the API key.</source>
        <translation>Nennen Sie die Umgebungsvariable, die den API-Schlüssel enthält.</translation>
    </message>
    <message>
        <source>The environment variable %1 is not set: set it before starting Tunebench, or store the key in the OS keychain (tunebench-cli keychain set --url URL).</source>
        <translation>Die Umgebungsvariable %1 ist nicht gesetzt: Setzen Sie sie vor dem Start von Tunebench oder speichern Sie den Schlüssel im Schlüsselbund des Systems (tunebench-cli keychain set --url URL).</translation>
    </message>
    <message>
        <source>The environment variable %1 is empty: it must hold the API key.</source>
        <translation>Die Umgebungsvariable %1 ist leer: Sie muss den API-Schlüssel enthalten.</translation>
    </message>
    <message>
        <source>API key found in the environment variable %1 (not shown).</source>
        <translation>API-Schlüssel in der Umgebungsvariablen %1 gefunden (nicht angezeigt).</translation>
    </message>
    <message>
        <source>Enter the endpoint URL to look up its keychain entry.</source>
        <translation>Geben Sie die Endpunkt-URL ein, um ihren Schlüsselbund-Eintrag zu suchen.</translation>
    </message>
    <message>
        <source>Keychain lookups are turned off (TUNEBENCH_NO_KEYCHAIN is set): name an environment variable instead.</source>
        <translation>Schlüsselbund-Abfragen sind ausgeschaltet (TUNEBENCH_NO_KEYCHAIN ist gesetzt): Nennen Sie stattdessen eine Umgebungsvariable.</translation>
    </message>
    <message>
        <source>Looking up the OS keychain entry for %1...</source>
        <translation>Schlüsselbund-Eintrag für %1 wird gesucht…</translation>
    </message>
    <message>
        <source>API key found in the OS keychain entry for %1 (not shown).</source>
        <translation>API-Schlüssel im Schlüsselbund-Eintrag für %1 gefunden (nicht angezeigt).</translation>
    </message>
    <message>
        <source>The OS keychain could not be read (%1): name an environment variable instead.</source>
        <translation>Der Schlüsselbund des Systems konnte nicht gelesen werden (%1): Nennen Sie stattdessen eine Umgebungsvariable.</translation>
    </message>
    <message>
        <source>No API key is stored in the OS keychain for %1: store one with tunebench-cli keychain set --url %1 (the key is read from standard input), or name an environment variable.</source>
        <translation>Im Schlüsselbund des Systems ist kein API-Schlüssel für %1 gespeichert: Speichern Sie einen mit tunebench-cli keychain set --url %1 (der Schlüssel wird von der Standardeingabe gelesen) oder nennen Sie eine Umgebungsvariable.</translation>
    </message>
</context>
<context>
    <name>tbui::EvalDialog</name>
    <message>
        <source>Evaluate a model</source>
        <translation>Ein Modell auswerten</translation>
    </message>
    <message>
        <source>a Hugging Face model folder (config.json, model.safetensors, tokenizer.json)</source>
        <translation>ein Hugging-Face-Modellordner (config.json, model.safetensors, tokenizer.json)</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <source>optional: a LoRA adapter folder written by training</source>
        <translation>optional: ein vom Training geschriebener LoRA-Adapterordner</translation>
    </message>
    <message>
        <source>Adapter folder</source>
        <translation>Adapterordner</translation>
    </message>
    <message>
        <source>a .jinja file; empty: the adapter&apos;s or the model&apos;s own template</source>
        <translation>eine .jinja-Datei; leer: die eigene Vorlage des Adapters oder des Modells</translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation>Chat-Vorlage</translation>
    </message>
    <message>
        <source>Jinja templates (*.jinja *.j2 *.txt);;All files (*)</source>
        <translation>Jinja-Vorlagen (*.jinja *.j2 *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>golden set %1 (%2 items)</source>
        <translation>Golden-Set %1 (%2 Einträge)</translation>
    </message>
    <message>
        <source>validation split</source>
        <translation>Validierungsaufteilung</translation>
    </message>
    <message>
        <source>general-purpose set (forgetting)</source>
        <translation>allgemeines Set (Vergessen)</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation>Maximale neue Tokens</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Evaluate only the first N items (by id): a quick look before the full run</source>
        <translation>Nur die ersten N Einträge (nach ID) auswerten: ein schneller Blick vor dem vollständigen Lauf</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>greedy (reproducible without a seed)</source>
        <translation>greedy (ohne Seed reproduzierbar)</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Decoding</source>
        <translation>Dekodierung</translation>
    </message>
    <message>
        <source>The same settings and seed give the same outputs</source>
        <translation>Gleiche Einstellungen und gleicher Seed ergeben gleiche Ausgaben</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>empty: &quot;eval &lt;set&gt;: &lt;model&gt;&quot;</source>
        <translation>leer: „eval &lt;set&gt;: &lt;model&gt;“</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>Name des Laufs</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <source>the adapter&apos;s own template</source>
        <translation>die eigene Vorlage des Adapters</translation>
    </message>
    <message>
        <source>the model&apos;s own template</source>
        <translation>die eigene Vorlage des Modells</translation>
    </message>
    <message>
        <source>The model has no chat template and the adapter brings none: the file above is used.</source>
        <translation>Das Modell hat keine Chat-Vorlage und der Adapter bringt keine mit: Die Datei oben wird verwendet.</translation>
    </message>
    <message>
        <source>The model has no chat template (a base model?) and the adapter brings none: choose a template file. Evaluation never guesses a format.</source>
        <translation>Das Modell hat keine Chat-Vorlage (ein Basismodell?) und der Adapter bringt keine mit: Wählen Sie eine Vorlagendatei. Die Auswertung rät nie ein Format.</translation>
    </message>
    <message>
        <source>The file above overrides %1.</source>
        <translation>Die Datei oben ersetzt %1.</translation>
    </message>
    <message>
        <source>Empty: %1 is used.</source>
        <translation>Leer: %1 wird verwendet.</translation>
    </message>
    <message>
        <source>Choose the model folder.</source>
        <translation>Wählen Sie den Modellordner.</translation>
    </message>
    <message>
        <source>%1 is not a model folder (no config.json).</source>
        <translation>%1 ist kein Modellordner (keine config.json).</translation>
    </message>
    <message>
        <source>%1 is not an adapter folder (no adapter_config.json).</source>
        <translation>%1 ist kein Adapterordner (keine adapter_config.json).</translation>
    </message>
    <message>
        <source>The chat template file %1 does not exist.</source>
        <translation>Die Chat-Vorlagendatei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>This model has no chat template: choose a template file (evaluation never guesses a format).</source>
        <translation>Dieses Modell hat keine Chat-Vorlage: Wählen Sie eine Vorlagendatei (die Auswertung rät nie ein Format).</translation>
    </message>
    <message>
        <source>Choose the set to evaluate.</source>
        <translation>Wählen Sie das auszuwertende Set.</translation>
    </message>
    <message>
        <source>Local model</source>
        <translation>Lokales Modell</translation>
    </message>
    <message>
        <source>OpenAI-compatible endpoint</source>
        <translation>OpenAI-kompatibler Endpunkt</translation>
    </message>
    <message>
        <source>A model folder generated here with libtorch, or a model served elsewhere (vLLM, llama.cpp, Ollama, OpenAI) over the OpenAI chat API</source>
        <translation>Ein Modellordner, hier mit libtorch generiert, oder ein anderswo bereitgestelltes Modell (vLLM, llama.cpp, Ollama, OpenAI) über die OpenAI-Chat-API</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Local models generate this many prompts together; an endpoint is asked one prompt at a time</source>
        <translation>Lokale Modelle generieren so viele Prompts gemeinsam; ein Endpunkt wird Prompt für Prompt gefragt</translation>
    </message>
</context>
<context>
    <name>tbui::EvalPanel</name>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Golden set</source>
        <translation>Golden-Set</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>Bestehensquote</translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation>Mittlere Punktzahl</translation>
    </message>
    <message>
        <source>per tag</source>
        <translation>je Tag</translation>
    </message>
    <message>
        <source>Scores across runs (in start order)</source>
        <translation>Ergebnisse über die Läufe (in Startreihenfolge)</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Baseline vs candidate per tag</source>
        <translation>Baseline gegen Kandidat je Tag</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>only changed items</source>
        <translation>nur geänderte Einträge</translation>
    </message>
    <message>
        <source>Report...</source>
        <translation>Bericht…</translation>
    </message>
    <message>
        <source>Write an HTML report of the candidate run against the baseline</source>
        <translation>Einen HTML-Bericht über den Kandidatenlauf im Vergleich zur Baseline schreiben</translation>
    </message>
    <message>
        <source>Eval runs</source>
        <translation>Auswertungsläufe</translation>
    </message>
    <message>
        <source>No eval runs in this project yet.</source>
        <translation>Noch keine Auswertungsläufe in diesem Projekt.</translation>
    </message>
    <message>
        <source>%1 paired items: pass rate %2% → %3%, &lt;span style=&apos;color:#1b7a1b&apos;&gt;%4 improved&lt;/span&gt;, &lt;span style=&apos;color:#b00020&apos;&gt;%5 regressed&lt;/span&gt;; McNemar p = %6; mean score difference %7 [%8, %9]</source>
        <translation>%1 gepaarte Einträge: Bestehensquote %2 % → %3 %, &lt;span style=&apos;color:#1b7a1b&apos;&gt;%4 verbessert&lt;/span&gt;, &lt;span style=&apos;color:#b00020&apos;&gt;%5 verschlechtert&lt;/span&gt;; McNemar p = %6; Differenz der mittleren Punktzahl %7 [%8, %9]</translation>
    </message>
    <message>
        <source> — &lt;b style=&apos;color:#b00020&apos;&gt;regression flagged&lt;/b&gt;</source>
        <translation> — &lt;b style=&apos;color:#b00020&apos;&gt;Regression gemeldet&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cannot compare these runs: %1</source>
        <translation>Diese Läufe können nicht verglichen werden: %1</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write %1: use a .png or .pdf name in a writable folder.</source>
        <translation>%1 konnte nicht geschrieben werden: Verwenden Sie einen Namen auf .png oder .pdf in einem beschreibbaren Ordner.</translation>
    </message>
    <message>
        <source>Run report</source>
        <translation>Laufbericht</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Evaluate...</source>
        <translation>Auswerten…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>loading the model</source>
        <translation>Modell wird geladen</translation>
    </message>
    <message>
        <source>Evaluating %1 on %2...</source>
        <translation>%1 wird auf %2 ausgewertet…</translation>
    </message>
    <message>
        <source>Eval run #%1 on %2: pass rate %3%, mean score %4%5</source>
        <translation>Auswertungslauf #%1 auf %2: Bestehensquote %3 %, mittlere Punktzahl %4%5</translation>
    </message>
    <message>
        <source> (%1 item(s) wait for the judge)</source>
        <translation> (%1 Eintrag/Einträge warten auf den Judge)</translation>
    </message>
    <message>
        <source>Evaluation cancelled.</source>
        <translation>Auswertung abgebrochen.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Evaluation failed: %1</source>
        <translation>Auswertung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Evaluate a model (optionally with an adapter) or an OpenAI-compatible endpoint on a golden set, the validation split or the general set</source>
        <translation>Ein Modell (optional mit Adapter) oder einen OpenAI-kompatiblen Endpunkt auf einem Golden-Set, der Validierungsaufteilung oder dem allgemeinen Set auswerten</translation>
    </message>
    <message>
        <source>Golden set &apos;%1&apos; has no items yet.</source>
        <translation>Golden-Set „%1“ hat noch keine Einträge.</translation>
    </message>
    <message>
        <source>Golden set &apos;%1&apos;: last item added %2 days ago, over %3 days: re-review it and add items from recent traffic</source>
        <translation>Golden-Set „%1“: letzter Eintrag vor %2 Tagen hinzugefügt, über %3 Tage: Prüfen Sie es erneut und fügen Sie Einträge aus aktuellem Verkehr hinzu</translation>
    </message>
    <message>
        <source>Golden set &apos;%1&apos;: last item added today</source>
        <translation>Golden-Set „%1“: letzter Eintrag heute hinzugefügt</translation>
    </message>
    <message>
        <source>Golden set &apos;%1&apos;: last item added 1 day ago</source>
        <translation>Golden-Set „%1“: letzter Eintrag vor einem Tag hinzugefügt</translation>
    </message>
    <message>
        <source>Golden set &apos;%1&apos;: last item added %2 days ago</source>
        <translation>Golden-Set „%1“: letzter Eintrag vor %2 Tagen hinzugefügt</translation>
    </message>
    <message>
        <source>Days since the last item was added to this golden set (%1 UTC). Re-review a golden set every few months: the production distribution drifts, and a set nobody adds to stops measuring what users ask. Past %2 days the set is flagged.</source>
        <translation>Tage seit dem letzten neuen Eintrag in diesem Golden-Set (%1 UTC). Prüfen Sie ein Golden-Set alle paar Monate erneut: Die Verteilung in der Produktion verschiebt sich, und ein Set, dem niemand etwas hinzufügt, misst nicht mehr, was Nutzer fragen. Nach %2 Tagen wird das Set markiert.</translation>
    </message>
    <message>
        <source>Golden set &apos;%1&apos;: age unknown (%2)</source>
        <translation>Golden-Set „%1“: Alter unbekannt (%2)</translation>
    </message>
    <message>
        <source>contacting the endpoint</source>
        <translation>Endpunkt wird kontaktiert</translation>
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
        <translation>Wählen Sie ein Beispiel aus, um seinen Dialog zu sehen.</translation>
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
        <translation>beliebiges Tag</translation>
    </message>
    <message>
        <source>any split</source>
        <translation>beliebige Aufteilung</translation>
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
        <translation>beliebiger Befund</translation>
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
    <name>tbui::GoldenSetEditor</name>
    <message>
        <source>Golden set:</source>
        <translation>Golden-Set:</translation>
    </message>
    <message>
        <source>Question (last input turn):</source>
        <translation>Frage (letzte Eingabenachricht):</translation>
    </message>
    <message>
        <source>Expert reference answer:</source>
        <translation>Referenzantwort der Fachperson:</translation>
    </message>
    <message>
        <source>Rubric:</source>
        <translation>Bewertungsraster:</translation>
    </message>
    <message>
        <source>Save item</source>
        <translation>Eintrag speichern</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>Eintrag löschen</translation>
    </message>
    <message>
        <source> (general)</source>
        <translation> (allgemein)</translation>
    </message>
    <message>
        <source>Golden set</source>
        <translation>Golden-Set</translation>
    </message>
    <message>
        <source>%1 items (100-500 recommended)</source>
        <translation>%1 Einträge (100–500 empfohlen)</translation>
    </message>
    <message>
        <source>Earlier turns:
%1</source>
        <translation>Frühere Nachrichten:
%1</translation>
    </message>
    <message>
        <source>New item: the reference will be signed by %1</source>
        <translation>Neuer Eintrag: Die Referenz wird von %1 gezeichnet</translation>
    </message>
    <message>
        <source>Reference by %1, created %2, updated %3</source>
        <translation>Referenz von %1, erstellt %2, geändert %3</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>Golden item not saved</source>
        <translation>Golden-Eintrag nicht gespeichert</translation>
    </message>
    <message>
        <source>Golden item</source>
        <translation>Golden-Eintrag</translation>
    </message>
</context>
<context>
    <name>tbui::ItemDiffTable</name>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Baseline:
%1

Candidate:
%2</source>
        <translation>Baseline:
%1

Kandidat:
%2</translation>
    </message>
</context>
<context>
    <name>tbui::JobProgressView</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
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
    <name>tbui::JudgeValidationView</name>
    <message>
        <source>the judge model&apos;s name at that endpoint</source>
        <translation>der Name des Judge-Modells an diesem Endpunkt</translation>
    </message>
    <message>
        <source>The NAME of the environment variable that holds the API key. The key is read when the judge is called and never stored; empty: no key (a local server).</source>
        <translation>Der NAME der Umgebungsvariablen, die den API-Schlüssel enthält. Der Schlüssel wird beim Aufruf des Judge gelesen und nie gespeichert; leer: kein Schlüssel (ein lokaler Server).</translation>
    </message>
    <message>
        <source>run the bias and reward-hacking probes</source>
        <translation>die Bias- und Reward-Hacking-Proben ausführen</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Validieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Golden set</source>
        <translation>Golden-Set</translation>
    </message>
    <message>
        <source>Judge base URL</source>
        <translation>Basis-URL des Judge</translation>
    </message>
    <message>
        <source>Judge model</source>
        <translation>Judge-Modell</translation>
    </message>
    <message>
        <source>API key variable</source>
        <translation>Variable des API-Schlüssels</translation>
    </message>
    <message>
        <source>on at least</source>
        <translation>auf mindestens</translation>
    </message>
    <message>
        <source>human-graded outputs</source>
        <translation>von Menschen bewerteten Ausgaben</translation>
    </message>
    <message>
        <source>Kappa threshold</source>
        <translation>Kappa-Schwelle</translation>
    </message>
    <message>
        <source>Not validated in this session: run &quot;Validate&quot;, or pick a past validation below.</source>
        <translation>In dieser Sitzung nicht validiert: Klicken Sie auf „Validieren“ oder wählen Sie unten eine frühere Validierung.</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Kriterium</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Judgements</source>
        <translation>Urteile</translation>
    </message>
    <message>
        <source>Raw agreement</source>
        <translation>Rohe Übereinstimmung</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>95-%-KI</translation>
    </message>
    <message>
        <source>judge: fail</source>
        <translation>Judge: nicht bestanden</translation>
    </message>
    <message>
        <source>judge: pass</source>
        <translation>Judge: bestanden</translation>
    </message>
    <message>
        <source>human: fail</source>
        <translation>Mensch: nicht bestanden</translation>
    </message>
    <message>
        <source>human: pass</source>
        <translation>Mensch: bestanden</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Probe</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Unscorable</source>
        <translation>Nicht bewertbar</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Bias and reward-hacking probes</source>
        <translation>Bias- und Reward-Hacking-Proben</translation>
    </message>
    <message>
        <source>Past validations (select one to show its report)</source>
        <translation>Frühere Validierungen (wählen Sie eine, um ihren Bericht zu sehen)</translation>
    </message>
    <message>
        <source>Golden sets</source>
        <translation>Golden-Sets</translation>
    </message>
    <message>
        <source>Judge validations</source>
        <translation>Judge-Validierungen</translation>
    </message>
    <message>
        <source>a golden set (make one in the Golden sets tab)</source>
        <translation>ein Golden-Set (legen Sie eines in der Registerkarte Golden-Sets an)</translation>
    </message>
    <message>
        <source>the judge&apos;s base URL</source>
        <translation>die Basis-URL des Judge</translation>
    </message>
    <message>
        <source>the judge model</source>
        <translation>das Judge-Modell</translation>
    </message>
    <message>
        <source>Validate the judge</source>
        <translation>Den Judge validieren</translation>
    </message>
    <message>
        <source>Fill in %1.</source>
        <translation>Füllen Sie %1 aus.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>asking the judge</source>
        <translation>Judge wird befragt</translation>
    </message>
    <message>
        <source>Validating %1 against the human grades...</source>
        <translation>%1 wird an den menschlichen Bewertungen validiert…</translation>
    </message>
    <message>
        <source>Validation cancelled: nothing was stored (judge replies so far are cached).</source>
        <translation>Validierung abgebrochen: Nichts wurde gespeichert (die bisherigen Antworten des Judge sind zwischengespeichert).</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b00020&apos;&gt;Validation failed:&lt;/b&gt; %1</source>
        <translation>&lt;b style=&apos;color:#b00020&apos;&gt;Validierung fehlgeschlagen:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>configuration key %1</source>
        <translation>Konfigurationsschlüssel %1</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>undefiniert</translation>
    </message>
    <message>
        <source>validated</source>
        <translation>validiert</translation>
    </message>
    <message>
        <source>unvalidated</source>
        <translation>nicht validiert</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#1b7a1b&apos;&gt;Validated&lt;/b&gt;: judge %1, %2.</source>
        <translation>&lt;b style=&apos;color:#1b7a1b&apos;&gt;Validiert&lt;/b&gt;: Judge %1, %2.</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b00020&apos;&gt;Unvalidated&lt;/b&gt;: judge %1, %2. Its scores are shown as unvalidated until a validation passes.</source>
        <translation>&lt;b style=&apos;color:#b00020&apos;&gt;Nicht validiert&lt;/b&gt;: Judge %1, %2. Seine Bewertungen gelten als nicht validiert, bis eine Validierung besteht.</translation>
    </message>
    <message>
        <source> %1 human-graded judgement(s) the judge could not score.</source>
        <translation> %1 von Menschen bewertete(s) Urteil(e) konnte der Judge nicht bewerten.</translation>
    </message>
    <message>
        <source> Requests: %1 (%2 cached), cost %3.</source>
        <translation> Anfragen: %1 (%2 aus dem Cache), Kosten %3.</translation>
    </message>
    <message>
        <source>the two bias probes pass or fail together</source>
        <translation>die beiden Bias-Proben bestehen oder scheitern gemeinsam</translation>
    </message>
    <message>
        <source>position consistency</source>
        <translation>Positionskonsistenz</translation>
    </message>
    <message>
        <source>%1 of %2 pairs judged the same in both orders (%3)</source>
        <translation>%1 von %2 Paaren in beiden Reihenfolgen gleich beurteilt (%3)</translation>
    </message>
    <message>
        <source>verbosity (padded copy)</source>
        <translation>Ausführlichkeit (aufgeblähte Kopie)</translation>
    </message>
    <message>
        <source>the padded copy won %1 of %2 (%3)</source>
        <translation>die aufgeblähte Kopie gewann %1 von %2 (%3)</translation>
    </message>
    <message>
        <source>reward hacking: %1</source>
        <translation>Reward Hacking: %1</translation>
    </message>
    <message>
        <source>the judge passed %1 of %2 adversarial answers (%3)</source>
        <translation>der Judge ließ %1 von %2 manipulierten Antworten bestehen (%3)</translation>
    </message>
    <message>
        <source>no probe ran with this validation</source>
        <translation>bei dieser Validierung lief keine Probe</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>Confusion matrix of %1 (rows: the human&apos;s label, columns: the judge&apos;s)</source>
        <translation>Konfusionsmatrix von %1 (Zeilen: Urteil des Menschen, Spalten: Urteil des Judge)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write %1: use a .png or .pdf name in a writable folder.</source>
        <translation>%1 konnte nicht geschrieben werden: Verwenden Sie einen Namen auf .png oder .pdf in einem beschreibbaren Ordner.</translation>
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
        <translation>Daten&amp;prüfung starten</translation>
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
        <source>Clear list</source>
        <translation>Liste leeren</translation>
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
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>Golden sets</source>
        <translation>Golden-Sets</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>Open or create a project (File menu).</source>
        <translation>Öffnen oder erstellen Sie ein Projekt (Menü Datei).</translation>
    </message>
    <message>
        <source>Reviews and golden references carry your name: set it with Project &gt; Reviewer name…</source>
        <translation>Prüfungen und Golden-Referenzen tragen Ihren Namen: Legen Sie ihn unter Projekt &gt; Name als Prüfer/in… fest</translation>
    </message>
    <message>
        <source>Reviewer: %1</source>
        <translation>Prüfer/in: %1</translation>
    </message>
    <message>
        <source>Reviewer: not set</source>
        <translation>Prüfer/in: nicht festgelegt</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Projekt</translation>
    </message>
    <message>
        <source>Fine-tuning &amp;advisor…</source>
        <translation>&amp;Berater für die Feinabstimmung…</translation>
    </message>
    <message>
        <source>&amp;Reviewer name…</source>
        <translation>&amp;Name als Prüfer/in…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>%1 · more than %L2 examples match</source>
        <translation>%1 · mehr als %L2 Beispiele passen</translation>
    </message>
    <message>
        <source>Import dataset, &amp;keeping the valid records…</source>
        <translation>Datensatz importieren, &amp;gültige Datensätze behalten…</translation>
    </message>
    <message>
        <source>Import dataset, keeping the valid records</source>
        <translation>Datensatz importieren, gültige Datensätze behalten</translation>
    </message>
</context>
<context>
    <name>tbui::ProjectOverview</name>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>Beispiele:</translation>
    </message>
    <message>
        <source>Splits:</source>
        <translation>Aufteilung:</translation>
    </message>
    <message>
        <source>Stale reviews:</source>
        <translation>Veraltete Prüfungen:</translation>
    </message>
    <message>
        <source>Coverage:</source>
        <translation>Abdeckung:</translation>
    </message>
    <message>
        <source>Golden sets</source>
        <translation>Golden-Sets</translation>
    </message>
    <message>
        <source>Fine-tuning decision</source>
        <translation>Entscheidung zur Feinabstimmung</translation>
    </message>
    <message>
        <source>Open the fine-tuning advisor…</source>
        <translation>Berater für die Feinabstimmung öffnen…</translation>
    </message>
    <message>
        <source>Latest runs</source>
        <translation>Letzte Läufe</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Cannot read the project overview</source>
        <translation>Die Projektübersicht kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>No examples yet: import a dataset (File &gt; Import dataset…).</source>
        <translation>Noch keine Beispiele: Importieren Sie einen Datensatz (Datei &gt; Datensatz importieren…).</translation>
    </message>
    <message>
        <source>%1 imported, %2 accepted (%3), %4 reviewed, %5 rejected, %6 need an edit, %7 disputed</source>
        <translation>%1 importiert, %2 angenommen (%3), %4 geprüft, %5 abgelehnt, %6 zu überarbeiten, %7 strittig</translation>
    </message>
    <message>
        <source>train %1</source>
        <translation>Training %1</translation>
    </message>
    <message>
        <source>validation %1</source>
        <translation>Validierung %1</translation>
    </message>
    <message>
        <source>test %1</source>
        <translation>Test %1</translation>
    </message>
    <message>
        <source>not split %1</source>
        <translation>nicht aufgeteilt %1</translation>
    </message>
    <message numerus="yes">
        <source>nothing reviewed yet (re-review every %n day(s))</source>
        <translation>
            <numerusform>noch nichts geprüft (erneute Prüfung nach %n Tag)</numerusform>
            <numerusform>noch nichts geprüft (erneute Prüfung nach %n Tagen)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 reviewed examples (%3), re-review every %4 days</source>
        <translation>%1 von %2 geprüften Beispielen (%3), erneute Prüfung nach %4 Tagen</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s), no coverage target set (see the Coverage tab)</source>
        <translation>
            <numerusform>%n Tag, kein Abdeckungsziel festgelegt (siehe Registerkarte Abdeckung)</numerusform>
            <numerusform>%n Tags, kein Abdeckungsziel festgelegt (siehe Registerkarte Abdeckung)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>all %n target(s) met</source>
        <translation>
            <numerusform>%n Ziel erreicht</numerusform>
            <numerusform>alle %n Ziele erreicht</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;%1 of %2 target(s) missed: %3&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;%1 von %2 Zielen verfehlt: %3&lt;/span&gt;</translation>
    </message>
    <message>
        <source>No golden set yet. Build one of %1-%2 items to evaluate against (Golden sets tab, or tunebench-cli golden import).</source>
        <translation>Noch kein Golden-Set. Erstellen Sie eines mit %1–%2 Einträgen, um daran auszuwerten (Registerkarte Golden-Sets oder tunebench-cli golden import).</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; (%2): %n item(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; (%2): %n Eintrag</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; (%2): %n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>general-purpose</source>
        <translation>allgemein</translation>
    </message>
    <message>
        <source>task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Revisit the decision with the advisor…</source>
        <translation>Entscheidung mit dem Berater überprüfen…</translation>
    </message>
    <message>
        <source>Not decided yet. Most &quot;we need fine-tuning&quot; requests are better served by prompting or retrieval: let the advisor ask a few questions first.</source>
        <translation>Noch nicht entschieden. Den meisten Wünschen nach „wir brauchen eine Feinabstimmung“ ist mit Prompting oder Retrieval besser gedient: Lassen Sie den Berater zuerst ein paar Fragen stellen.</translation>
    </message>
    <message>
        <source>No training or evaluation run yet.</source>
        <translation>Noch kein Trainings- oder Auswertungslauf.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) in this project; the latest:</source>
        <translation>
            <numerusform>%n Lauf in diesem Projekt:</numerusform>
            <numerusform>%n Läufe in diesem Projekt; die neuesten:</numerusform>
        </translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
</context>
<context>
    <name>tbui::ProjectSession</name>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>%1: running...</source>
        <translation>%1: läuft…</translation>
    </message>
    <message>
        <source>Regression suites done: no regression flagged.</source>
        <translation>Regressions-Suites fertig: keine Regression gemeldet.</translation>
    </message>
    <message>
        <source>Regression flagged by the suites after training: %1</source>
        <translation>Nach dem Training von den Suites gemeldete Regression: %1</translation>
    </message>
    <message>
        <source>Regression suites failed: %1</source>
        <translation>Regressions-Suites fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Das Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Wait for the running job to finish, or cancel it.</source>
        <translation>Warten Sie, bis der laufende Auftrag fertig ist, oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>No project open.</source>
        <translation>Kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>Reviewer name</source>
        <translation>Name als Prüfer/in</translation>
    </message>
    <message>
        <source>Your name as a reviewer (stored on this machine, written on every review and golden reference):</source>
        <translation>Ihr Name als Prüfer/in (auf diesem Rechner gespeichert, bei jeder Prüfung und jeder Golden-Referenz vermerkt):</translation>
    </message>
    <message>
        <source>Runs and comparisons</source>
        <translation>Läufe und Vergleiche</translation>
    </message>
    <message>
        <source>Blind grading</source>
        <translation>Blindbewertung</translation>
    </message>
    <message>
        <source>Judge validation</source>
        <translation>Judge-Validierung</translation>
    </message>
    <message>
        <source>Regression suites</source>
        <translation>Regressions-Suites</translation>
    </message>
    <message>
        <source>Decision stored in the project.</source>
        <translation>Die Entscheidung wurde im Projekt gespeichert.</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>Import nicht möglich</translation>
    </message>
    <message>
        <source>Open or create a project first, then import %1 into it.</source>
        <translation>Öffnen oder erstellen Sie zuerst ein Projekt und importieren Sie %1 dann hinein.</translation>
    </message>
    <message>
        <source>Another job is running: wait for it or cancel it.</source>
        <translation>Ein anderer Auftrag läuft: Warten Sie auf ihn oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Nichts wurde importiert</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) in %1 are invalid, so nothing was imported. Fix them and import the file again, or use File &gt; Import dataset, keeping the valid records.</source>
        <translation>
            <numerusform>%n Datensatz in %1 ist ungültig, daher wurde nichts importiert. Korrigieren Sie ihn und importieren Sie die Datei erneut, oder verwenden Sie Datei &gt; Datensatz importieren, gültige Datensätze behalten.</numerusform>
            <numerusform>%n Datensätze in %1 sind ungültig, daher wurde nichts importiert. Korrigieren Sie sie und importieren Sie die Datei erneut, oder verwenden Sie Datei &gt; Datensatz importieren, gültige Datensätze behalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported %1: %2 new, %3 duplicate(s), %4 rejected.</source>
        <translation>%1 importiert: %2 neu, %3 Duplikat(e), %4 abgelehnt.</translation>
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
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>Checking the data…</source>
        <translation>Die Daten werden geprüft…</translation>
    </message>
    <message>
        <source>Cannot read the data report</source>
        <translation>Der Datenbericht kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>No data report yet: run the checks.</source>
        <translation>Noch kein Datenbericht: Starten Sie die Datenprüfung.</translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation>Das Projekt kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>tbui::ReviewQueueWidget</name>
    <message>
        <source>%1 example %2</source>
        <translation>Beispiel %2: %1</translation>
    </message>
    <message>
        <source>edit example %1</source>
        <translation>Beispiel %1 bearbeiten</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Prüfer/in</translation>
    </message>
    <message>
        <source>Your name as a reviewer (stored on this machine, written on every review):</source>
        <translation>Ihr Name als Prüfer/in (auf diesem Rechner gespeichert, bei jeder Prüfung vermerkt):</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Abweichende Urteile</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>All examples</source>
        <translation>Alle Beispiele</translation>
    </message>
    <message>
        <source>Queue:</source>
        <translation>Warteschlange:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>optional, saved with your verdict</source>
        <translation>optional, wird mit Ihrem Urteil gespeichert</translation>
    </message>
    <message>
        <source>&amp;Accept (A)</source>
        <translation>&amp;Annehmen (A)</translation>
    </message>
    <message>
        <source>&amp;Reject (R)</source>
        <translation>Ab&amp;lehnen (R)</translation>
    </message>
    <message>
        <source>Needs &amp;edit (E)</source>
        <translation>Üb&amp;erarbeiten (E)</translation>
    </message>
    <message>
        <source>&amp;Skip (S)</source>
        <translation>Übe&amp;rspringen (S)</translation>
    </message>
    <message>
        <source>◀ Previous (P)</source>
        <translation>◀ Zurück (P)</translation>
    </message>
    <message>
        <source>Next ▶ (N)</source>
        <translation>Weiter ▶ (N)</translation>
    </message>
    <message>
        <source>Save edits (Ctrl+S)</source>
        <translation>Änderungen speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Prüf-Warteschlange</translation>
    </message>
    <message>
        <source>End of the queue.</source>
        <translation>Ende der Warteschlange.</translation>
    </message>
    <message>
        <source>Start of the queue.</source>
        <translation>Anfang der Warteschlange.</translation>
    </message>
    <message>
        <source>Skipped example %1.</source>
        <translation>Beispiel %1 übersprungen.</translation>
    </message>
    <message>
        <source>%1: %2 (Ctrl+Z to undo)%3</source>
        <translation>%1: %2 (Strg+Z macht es rückgängig)%3</translation>
    </message>
    <message>
        <source> — end of the queue</source>
        <translation> — Ende der Warteschlange</translation>
    </message>
    <message>
        <source>Saved the edit of example %1 (Ctrl+Z to undo).</source>
        <translation>Die Änderung an Beispiel %1 wurde gespeichert (Strg+Z macht sie rückgängig).</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>Wiederholt: %1</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Rückgängig gemacht: %1</translation>
    </message>
    <message>
        <source>Example #%1</source>
        <translation>Beispiel #%1</translation>
    </message>
    <message>
        <source>never reviewed</source>
        <translation>nie geprüft</translation>
    </message>
    <message>
        <source>last reviewed %1</source>
        <translation>zuletzt geprüft %1</translation>
    </message>
    <message>
        <source>DISPUTED: your verdict settles it</source>
        <translation>STRITTIG: Ihr Urteil entscheidet</translation>
    </message>
    <message>
        <source>tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>your last note: %1</source>
        <translation>Ihre letzte Notiz: %1</translation>
    </message>
    <message>
        <source>Nothing in this queue.</source>
        <translation>Diese Warteschlange ist leer.</translation>
    </message>
    <message>
        <source>%1 accepted of %2 imported</source>
        <translation>%1 von %2 importierten angenommen</translation>
    </message>
</context>
<context>
    <name>tbui::RubricEditor</name>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>JSON path</source>
        <translation>JSON-Pfad</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Toleranz</translation>
    </message>
    <message>
        <source>Pass description (judge)</source>
        <translation>Bestanden, wenn … (Judge)</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>Kriterium hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>criterion %1: %2</source>
        <translation>Kriterium %1: %2</translation>
    </message>
    <message>
        <source>numeric needs a number in Expected</source>
        <translation>Für numeric ist unter Erwartet eine Zahl nötig</translation>
    </message>
    <message>
        <source>tolerance must be a number</source>
        <translation>Die Toleranz muss eine Zahl sein</translation>
    </message>
    <message>
        <source>weight must be a number</source>
        <translation>Das Gewicht muss eine Zahl sein</translation>
    </message>
</context>
<context>
    <name>tbui::RunDialog</name>
    <message>
        <source>New training run</source>
        <translation>Neuer Trainingslauf</translation>
    </message>
    <message>
        <source>optional: a name for the runs list</source>
        <translation>optional: ein Name für die Liste der Läufe</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>Name des Laufs</translation>
    </message>
    <message>
        <source>Hugging Face model folder (config.json, model.safetensors, tokenizer.json)</source>
        <translation>Hugging-Face-Modellordner (config.json, model.safetensors, tokenizer.json)</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <source>where the adapter (or the full model) is written</source>
        <translation>wohin der Adapter (oder das ganze Modell) geschrieben wird</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <source>a .jinja file; empty: the model&apos;s own template</source>
        <translation>eine .jinja-Datei; leer: die eigene Vorlage des Modells</translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation>Chat-Vorlage</translation>
    </message>
    <message>
        <source>Jinja templates (*.jinja *.j2 *.txt);;All files (*)</source>
        <translation>Jinja-Vorlagen (*.jinja *.j2 *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>only examples reviewed &quot;accept&quot;</source>
        <translation>nur mit „annehmen“ geprüfte Beispiele</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Max length (tokens)</source>
        <translation>Maximale Länge (Tokens)</translation>
    </message>
    <message>
        <source>drop the example</source>
        <translation>Beispiel auslassen</translation>
    </message>
    <message>
        <source>truncate it</source>
        <translation>kürzen</translation>
    </message>
    <message>
        <source>Too long</source>
        <translation>Zu lang</translation>
    </message>
    <message>
        <source>pack several samples per row</source>
        <translation>mehrere Beispiele pro Zeile packen</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>Packen</translation>
    </message>
    <message>
        <source>Model and data</source>
        <translation>Modell und Daten</translation>
    </message>
    <message>
        <source>LoRA adapter</source>
        <translation>LoRA-Adapter</translation>
    </message>
    <message>
        <source>Full fine-tuning</source>
        <translation>Vollständige Feinabstimmung</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>LoRA rank</source>
        <translation>LoRA-Rang</translation>
    </message>
    <message>
        <source>LoRA alpha</source>
        <translation>LoRA-Alpha</translation>
    </message>
    <message>
        <source>LoRA dropout</source>
        <translation>LoRA-Dropout</translation>
    </message>
    <message>
        <source>rank-stabilised scaling (alpha / sqrt(rank))</source>
        <translation>rangstabilisierte Skalierung (alpha / sqrt(rank))</translation>
    </message>
    <message>
        <source>rsLoRA</source>
        <translation>rsLoRA</translation>
    </message>
    <message>
        <source>comma-separated: q_proj, v_proj, ...</source>
        <translation>durch Kommas getrennt: q_proj, v_proj, …</translation>
    </message>
    <message>
        <source>Target modules</source>
        <translation>Zielmodule</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>from epochs</source>
        <translation>aus den Epochen</translation>
    </message>
    <message>
        <source>Max steps</source>
        <translation>Maximale Schritte</translation>
    </message>
    <message>
        <source>cosine to 0</source>
        <translation>Kosinus bis 0</translation>
    </message>
    <message>
        <source>linear to 0</source>
        <translation>linear bis 0</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>konstant</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Lernratenverlauf</translation>
    </message>
    <message>
        <source>Warmup (share of steps)</source>
        <translation>Aufwärmphase (Anteil der Schritte)</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Weight Decay</translation>
    </message>
    <message>
        <source>Batch rows</source>
        <translation>Zeilen pro Batch</translation>
    </message>
    <message>
        <source>Gradient accumulation</source>
        <translation>Gradientenakkumulation</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <source>only at the end</source>
        <translation>nur am Ende</translation>
    </message>
    <message>
        <source>Validate every (steps)</source>
        <translation>Validieren alle (Schritte)</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Early stopping patience</source>
        <translation>Geduld für frühes Stoppen</translation>
    </message>
    <message>
        <source>Checkpoint every (steps)</source>
        <translation>Checkpoint alle (Schritte)</translation>
    </message>
    <message>
        <source>auto (bf16 where the hardware has it)</source>
        <translation>automatisch (bf16, wo die Hardware es kann)</translation>
    </message>
    <message>
        <source>Compute dtype</source>
        <translation>Rechen-Datentyp</translation>
    </message>
    <message>
        <source>recompute activations (less memory, ~30% slower)</source>
        <translation>Aktivierungen neu berechnen (weniger Speicher, ~30 % langsamer)</translation>
    </message>
    <message>
        <source>Gradient checkpointing</source>
        <translation>Gradient-Checkpointing</translation>
    </message>
    <message>
        <source>Validation and numerics</source>
        <translation>Validierung und Numerik</translation>
    </message>
    <message>
        <source>Pre-flight</source>
        <translation>Vorabprüfung</translation>
    </message>
    <message>
        <source>Format the data and time a short warm-up: counts, steps, time and memory</source>
        <translation>Die Daten formatieren und einen kurzen Probedurchlauf messen: Anzahlen, Schritte, Zeit und Speicher</translation>
    </message>
    <message>
        <source>The pre-flight report appears here.</source>
        <translation>Hier erscheint der Bericht der Vorabprüfung.</translation>
    </message>
    <message>
        <source>Queue run</source>
        <translation>Lauf einreihen</translation>
    </message>
    <message>
        <source>Suggested validation share: %1% of the examples. The trainer validates on the project&apos;s validation split: split the project accordingly before training.</source>
        <translation>Empfohlener Validierungsanteil: %1 % der Beispiele. Das Training validiert mit der Validierungsaufteilung des Projekts: Teilen Sie das Projekt vor dem Training entsprechend auf.</translation>
    </message>
    <message>
        <source>Choose the model folder.</source>
        <translation>Wählen Sie den Modellordner.</translation>
    </message>
    <message>
        <source>%1 has no config.json: choose a Hugging Face model folder.</source>
        <translation>%1 enthält keine config.json: Wählen Sie einen Hugging-Face-Modellordner.</translation>
    </message>
    <message>
        <source>Choose the output folder.</source>
        <translation>Wählen Sie den Ausgabeordner.</translation>
    </message>
    <message>
        <source>This model has no chat template: choose a template file (training never guesses a format).</source>
        <translation>Dieses Modell hat keine Chat-Vorlage: Wählen Sie eine Vorlagendatei (das Training rät nie ein Format).</translation>
    </message>
    <message>
        <source>The chat template file %1 does not exist.</source>
        <translation>Die Chat-Vorlagendatei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The learning rate must be a positive number (e.g. 1e-4).</source>
        <translation>Die Lernrate muss eine positive Zahl sein (z. B. 1e-4).</translation>
    </message>
    <message>
        <source>Name at least one target module for the LoRA adapters.</source>
        <translation>Nennen Sie mindestens ein Zielmodul für die LoRA-Adapter.</translation>
    </message>
    <message>
        <source>This model has no chat template (a base model): a template file is required.</source>
        <translation>Dieses Modell hat keine Chat-Vorlage (ein Basismodell): Eine Vorlagendatei ist erforderlich.</translation>
    </message>
    <message>
        <source>Empty: the model&apos;s own template (%1). A file here overrides it.</source>
        <translation>Leer: die eigene Vorlage des Modells (%1). Eine Datei hier ersetzt sie.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Warnings&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;Warnungen&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>Formatting the data and timing a warm-up...</source>
        <translation>Die Daten werden formatiert und ein Probedurchlauf gemessen…</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <source>Pre-flight failed: %1</source>
        <translation>Vorabprüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Pre-flight cancelled.</source>
        <translation>Vorabprüfung abgebrochen.</translation>
    </message>
    <message>
        <source>Replace an earlier output in this folder</source>
        <translation>Eine frühere Ausgabe in diesem Ordner ersetzen</translation>
    </message>
    <message>
        <source>Unticked, a run into a folder that holds checkpoints or other files is refused, so nothing is overwritten. Ticked, the files an earlier run wrote there (adapter, checkpoints, config) are removed first; files Tunebench did not write are kept.</source>
        <translation>Nicht angehakt, wird ein Lauf in einen Ordner mit Checkpoints oder anderen Dateien abgelehnt, damit nichts überschrieben wird. Angehakt, werden die Dateien, die ein früherer Lauf dort geschrieben hat (Adapter, Checkpoints, Konfiguration), zuerst entfernt; Dateien, die Tunebench nicht geschrieben hat, bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>tbui::SuiteEditor</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Regression suites</source>
        <translation>Regressions-Suites</translation>
    </message>
    <message>
        <source>e.g. release-gate</source>
        <translation>z. B. release-gate</translation>
    </message>
    <message>
        <source>The golden sets this suite evaluates</source>
        <translation>Die Golden-Sets, die diese Suite auswertet</translation>
    </message>
    <message>
        <source>also score the general-purpose set (catastrophic forgetting against the base model)</source>
        <translation>auch das allgemeine Set bewerten (katastrophales Vergessen gegenüber dem Basismodell)</translation>
    </message>
    <message>
        <source>run automatically after every training run that writes an adapter</source>
        <translation>automatisch nach jedem Trainingslauf ausführen, der einen Adapter schreibt</translation>
    </message>
    <message>
        <source>Save suite</source>
        <translation>Suite speichern</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Golden sets</source>
        <translation>Golden-Sets</translation>
    </message>
    <message>
        <source>Each run of a suite is compared with the base model&apos;s latest run and with the previous tuned run on each set (McNemar on pass/fail, paired bootstrap on scores, per tag); a significant drop is flagged as a regression.</source>
        <translation>Jeder Lauf einer Suite wird auf jedem Set mit dem neuesten Lauf des Basismodells und dem vorigen feinabgestimmten Lauf verglichen (McNemar auf bestanden/nicht bestanden, gepaartes Bootstrap auf den Punktzahlen, je Tag); ein signifikanter Rückgang wird als Regression gemeldet.</translation>
    </message>
    <message>
        <source>%1 item(s)</source>
        <translation>%1 Eintrag/Einträge</translation>
    </message>
    <message>
        <source>runs after every training run</source>
        <translation>läuft nach jedem Trainingslauf</translation>
    </message>
    <message>
        <source>Golden set(s) no longer in the project: %1. Saving drops them.</source>
        <translation>Nicht mehr im Projekt vorhandene Golden-Sets: %1. Beim Speichern werden sie entfernt.</translation>
    </message>
    <message>
        <source>Save the suite</source>
        <translation>Die Suite speichern</translation>
    </message>
    <message>
        <source>Suite %1 saved.</source>
        <translation>Suite %1 gespeichert.</translation>
    </message>
    <message>
        <source>Delete the suite</source>
        <translation>Die Suite löschen</translation>
    </message>
    <message>
        <source>Suite %1 deleted.</source>
        <translation>Suite %1 gelöscht.</translation>
    </message>
    <message>
        <source>the base model folder</source>
        <translation>der Ordner des Basismodells</translation>
    </message>
    <message>
        <source>optional: an adapter folder (it brings its chat template)</source>
        <translation>optional: ein Adapterordner (er bringt seine Chat-Vorlage mit)</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Run the saved suite now&lt;/b&gt;</source>
        <translation>&lt;b&gt;Die gespeicherte Suite jetzt ausführen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <source>Adapter folder</source>
        <translation>Adapterordner</translation>
    </message>
    <message>
        <source>%1: running...</source>
        <translation>%1: läuft…</translation>
    </message>
    <message>
        <source>%1: %2 / %3</source>
        <translation>%1: %2 / %3</translation>
    </message>
    <message>
        <source>REGRESSION: %1</source>
        <translation>REGRESSION: %1</translation>
    </message>
    <message>
        <source>The suite run failed: %1</source>
        <translation>Der Suite-Lauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Run the suite</source>
        <translation>Die Suite ausführen</translation>
    </message>
    <message>
        <source>Save the suite first: no stored suite is named &quot;%1&quot;.</source>
        <translation>Speichern Sie die Suite zuerst: Es gibt keine gespeicherte Suite namens „%1“.</translation>
    </message>
    <message>
        <source>Choose the model folder to evaluate.</source>
        <translation>Wählen Sie den Ordner des auszuwertenden Modells.</translation>
    </message>
    <message>
        <source>The adapter folder %1 does not exist.</source>
        <translation>Der Adapterordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>A suite is already running.</source>
        <translation>Es läuft bereits eine Suite.</translation>
    </message>
</context>
<context>
    <name>tbui::SuiteRunner</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>train run #%1 (%2)</source>
        <translation>Trainingslauf #%1 (%2)</translation>
    </message>
    <message>
        <source>Regression suite(s) %1 on %2</source>
        <translation>Regressions-Suite(s) %1 auf %2</translation>
    </message>
    <message>
        <source>suite %1, set %2: eval run #%3, pass rate %4%, mean score %5</source>
        <translation>Suite %1, Set %2: Auswertungslauf #%3, Bestehensquote %4 %, mittlere Punktzahl %5</translation>
    </message>
    <message>
        <source>; vs base #%1: %2</source>
        <translation>; gegenüber Basis #%1: %2</translation>
    </message>
    <message>
        <source>; vs previous #%1: %2</source>
        <translation>; gegenüber vorigem Lauf #%1: %2</translation>
    </message>
    <message>
        <source>suite %1, general set: mean score %2 → %3 (difference %4 [%5, %6])%7</source>
        <translation>Suite %1, allgemeines Set: mittlere Punktzahl %2 → %3 (Differenz %4 [%5, %6])%7</translation>
    </message>
    <message>
        <source>: forgetting flagged</source>
        <translation>: Vergessen gemeldet</translation>
    </message>
    <message>
        <source>suite %1: REGRESSION flagged (%2)</source>
        <translation>Suite %1: REGRESSION gemeldet (%2)</translation>
    </message>
    <message>
        <source>suite %1: no regression flagged</source>
        <translation>Suite %1: keine Regression gemeldet</translation>
    </message>
    <message>
        <source>suite %1: error: %2</source>
        <translation>Suite %1: Fehler: %2</translation>
    </message>
</context>
<context>
    <name>tbui::TrainingCharts</name>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>LR</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>Tokens/s</translation>
    </message>
</context>
<context>
    <name>tbui::TrainingPanel</name>
    <message>
        <source>New run...</source>
        <translation>Neuer Lauf…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <source>No run yet: &quot;New run...&quot; sets one up.</source>
        <translation>Noch kein Lauf: „Neuer Lauf…“ richtet einen ein.</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>Runs train one after another; Delete removes a run that has not started</source>
        <translation>Läufe trainieren nacheinander; Entf entfernt einen Lauf, der noch nicht begonnen hat</translation>
    </message>
    <message>
        <source>Remove from queue</source>
        <translation>Aus der Warteschlange entfernen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation>Endverlust</translation>
    </message>
    <message>
        <source>Best val loss</source>
        <translation>Bester Val.-Verlust</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Past training runs</source>
        <translation>Frühere Trainingsläufe</translation>
    </message>
    <message>
        <source>Resume selected run</source>
        <translation>Ausgewählten Lauf fortsetzen</translation>
    </message>
    <message>
        <source>Continue a cancelled or failed run from its last checkpoint</source>
        <translation>Einen abgebrochenen oder fehlgeschlagenen Lauf ab seinem letzten Checkpoint fortsetzen</translation>
    </message>
    <message>
        <source>The run&apos;s log appears here.</source>
        <translation>Hier erscheint das Protokoll des Laufs.</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <source>step %1 / %2  ·  ETA %3</source>
        <translation>Schritt %1 / %2  ·  Restzeit %3</translation>
    </message>
    <message>
        <source>Training: epoch %1, loss %2, %3 tokens/s, elapsed %4</source>
        <translation>Training: Epoche %1, Verlust %2, %3 Tokens/s, vergangen %4</translation>
    </message>
    <message>
        <source>step %1: validation loss %2%3</source>
        <translation>Schritt %1: Validierungsverlust %2%3</translation>
    </message>
    <message>
        <source> (best)</source>
        <translation> (bester)</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>fortgesetzt</translation>
    </message>
    <message>
        <source>pausing after the current step</source>
        <translation>pausiert nach dem aktuellen Schritt</translation>
    </message>
    <message>
        <source>Cancelling: a checkpoint is written after the current step...</source>
        <translation>Wird abgebrochen: Nach dem aktuellen Schritt wird ein Checkpoint geschrieben…</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>wird vorbereitet</translation>
    </message>
    <message>
        <source>Preparing %1: formatting the data and timing a warm-up...</source>
        <translation>%1 wird vorbereitet: Die Daten werden formatiert und ein Probedurchlauf gemessen…</translation>
    </message>
    <message>
        <source>%1 %2 after %3 step(s)</source>
        <translation>%1 %2 nach %3 Schritt(en)</translation>
    </message>
    <message>
        <source>, final loss %1</source>
        <translation>, Endverlust %1</translation>
    </message>
    <message>
        <source>, best validation loss %1</source>
        <translation>, bester Validierungsverlust %1</translation>
    </message>
    <message>
        <source>. Written to %1</source>
        <translation>. Geschrieben nach %1</translation>
    </message>
    <message>
        <source>Training runs</source>
        <translation>Trainingsläufe</translation>
    </message>
    <message>
        <source>Run #%1 %2: %3</source>
        <translation>Lauf #%1 %2: %3</translation>
    </message>
    <message>
        <source>Training run</source>
        <translation>Trainingslauf</translation>
    </message>
    <message>
        <source> (resumed)</source>
        <translation> (fortgesetzt)</translation>
    </message>
    <message>
        <source>Resume training run</source>
        <translation>Trainingslauf fortsetzen</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>%1: running...</source>
        <translation>%1: läuft…</translation>
    </message>
    <message>
        <source>REGRESSION: %1</source>
        <translation>REGRESSION: %1</translation>
    </message>
    <message>
        <source>Regression flagged after training (%1); see the log and the Evaluation tab.</source>
        <translation>Regression nach dem Training gemeldet (%1); siehe Protokoll und Registerkarte Auswertung.</translation>
    </message>
    <message>
        <source>Regression suites failed: %1</source>
        <translation>Regressions-Suites fehlgeschlagen: %1</translation>
    </message>
</context>
</TS>
