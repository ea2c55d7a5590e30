<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DecisionTree</name>
    <message>
        <source>In a sentence or two, what should the model do better than it does today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the behaviour and who notices it, e.g. &quot;answer support tickets in our tone and ticket format&quot;. The goal is stored with the decision so the evaluation can be checked against it later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which of these is closest to what is missing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the main need; if two apply, pick the one that hurts most today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A consistent style, tone or voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reliable structured output (JSON, a fixed schema, a fixed layout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A narrow task done faster or cheaper (a smaller model instead of a large one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning in a specialised domain (legal, medical, code base, ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowing facts: products, policies, documents, recent events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do the answers depend on facts that change often (prices, policies, documentation, stock, news)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Often means: the facts would be out of date before you would retrain the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must the answers cite or quote their sources?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example because users check answers against documents, or an auditor asks where an answer came from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does a capable model already do the task well when the prompt holds clear instructions and a few examples?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it before answering: write the instructions, add three to five good examples, and look at twenty outputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use retrieval (RAG): the facts change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facts learned in fine-tuning are frozen at training time; every change would need a new training run and a new evaluation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieval reads the current document at answer time, so updating the knowledge is updating the index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tuning teaches behaviour (tone, format) better than facts; if the style matters too, fine-tune for it later, on top of retrieval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index the source documents, retrieve the top few passages per question, and put them in the prompt with the instruction to answer only from them. Measure answer accuracy on 50 real questions before tuning anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use retrieval (RAG): answers must cite sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fine-tuned model cannot say which training example a fact came from, and it invents plausible citations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With retrieval the passages are in the prompt, so every citation can be checked against a real document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieve passages with their document ids, ask the model to quote the id for each claim, and check the cited passages really contain the claims on a sample of answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use retrieval (RAG) for knowledge the model lacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model does not know these facts and examples in the prompt do not help; fine-tuning on facts gives unreliable recall and more confident hallucinations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The facts are stable, so a retrieval index built once stays valid; retrieval also shows which passage an answer used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the relevant documents (or retrieved passages) in the prompt and check that the model answers correctly from them; only if it then fails at the format or style is fine-tuning worth a look.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Better prompting: the model already writes in this style with examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model that already matches the style from instructions and a few examples needs no training run, dataset or evaluation cycle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt changes ship in minutes and can be rolled back; a fine-tuned model must be retrained for every style change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a system prompt describing the style, add three to five examples of ideal answers, and compare twenty outputs with real ones. Revisit fine-tuning only if the prompt gets too long, too slow or too costly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Better prompting and constrained decoding for the structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model already produces the structure with examples; a schema in the prompt plus constrained (grammar or JSON-schema) decoding makes it reliable without training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation with one automatic retry usually closes the remaining gap at far lower cost than a fine-tuning project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the schema and two examples in the prompt, turn on JSON or grammar-constrained decoding where the server supports it, validate every output and measure the failure rate on 100 real inputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Better prompting: the model reasons well enough with guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model already reaches the right conclusions with instructions and examples, so the reasoning ability is there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step-by-step instructions, worked examples and a larger model are cheaper to try than collecting expert training data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down the reasoning steps an expert follows, add worked examples to the prompt, and have a domain expert grade 30 answers. Fine-tune only if a smaller, cheaper model must reach the same quality.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Better prompting: the model can use the knowledge given in the prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The facts are stable and fit in the prompt, and the model answers well when they are there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing needs to be trained or indexed; grow to retrieval when the material no longer fits in the prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the reference material in the system prompt (or a cached prefix), check twenty answers, and watch the prompt length as the material grows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Better prompting: the model can already do it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model does the task well with instructions and examples, and none of the usual reasons for fine-tuning (style, structure, latency, domain reasoning) is the main need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompting keeps the strongest general model and costs no training data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the instructions and examples that worked into a fixed prompt, build a small evaluation set of 30-50 real inputs, and keep it to judge any later change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Define the gap before training: improve the prompt and build an evaluation set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The need is not one of the cases where fine-tuning is known to pay off (style, structure, narrow latency or cost, domain reasoning).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a clear, measurable failure, a fine-tuned model cannot be shown to be better than a well-prompted one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect 30-50 real inputs where the model fails, write down what a good answer is for each, and iterate on the prompt against them. Come back to this advisor when the failures have a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tune for style consistency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions and examples do not get the model to a consistent style; fine-tuning changes the default behaviour instead of asking for it in every prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style is learned from a few hundred to a few thousand good examples, and a LoRA adapter on a ~7B model is usually enough.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shorter prompt also lowers latency and cost per request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect 300-1000 examples of ideal answers in the target style, hold out 10-15% for validation plus a small golden set, and train a LoRA adapter with the suggested settings; compare against the best prompt on the golden set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tune for reliable structured output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model does not produce the structure reliably from instructions and examples; fine-tuning makes the format its default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Structured output is easy to check automatically (parse and validate), so the dataset and the evaluation can be built and scored without human graders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep output validation after fine-tuning: it lowers the failure rate but does not guarantee zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build 500-2000 input/output pairs whose outputs all validate against the schema, hold out 10-15%, train a LoRA adapter on a ~7B instruct model, and measure the parse and schema failure rate against the prompted baseline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tune a smaller model for a narrow task (latency and cost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A large model already does the task with examples, so its outputs can serve as training data for a much smaller model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a narrow, well-defined task a small fine-tuned model often matches the large prompted one at a fraction of the latency and cost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The large model&apos;s prompted accuracy is the target to measure the small model against.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the large model with the working prompt on 1000-5000 real inputs, review a sample of its outputs, and use the reviewed set to train a LoRA adapter on a 1-8B model; compare accuracy, latency and cost on a held-out golden set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tune on labelled examples for a narrow task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Even prompted with examples the model cannot do the task, so it has to be learned from data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A narrow task (classification, extraction, a fixed transformation) can be learned by a small model from enough labelled examples, which keeps latency and cost low.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label 1000+ real examples (two reviewers on a sample, to measure agreement), hold out 10-15% and a golden set, and train a LoRA adapter; if quality stalls, try a larger base model before collecting more data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tune for domain reasoning that prompting cannot reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model does not reach the right conclusions even with instructions and examples, so the reasoning has to be taught from expert data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain reasoning needs a strong base model (32-70B): fine-tuning adapts how it reasons, it does not add capacity a small model lacks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expert-written examples with their reasoning steps matter more than volume; expect to need domain experts for the evaluation too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have domain experts write 300-1000 worked examples with the reasoning, try the largest model you can serve with a strong prompt first as the baseline, then train a LoRA (or QLoRA) adapter on a 32-70B model and let experts grade both on a golden set.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: check that the folder exists and is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as PNG...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as PDF...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tbui::Advisor</name>
    <message>
        <source>Fine-tune</source>
        <translation>Fine-Tuning</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QLoRA (4-bit base)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full fine-tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the advisor recommended %1; overridden because: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, as the advisor recommended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Decided by %1 on %2.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Hugging Face model folder with config.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model folder:</source>
        <translation>Modellordner:</translation>
    </message>
    <message>
        <source>or a size: 7B, 1.3B, 350M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or its size:</source>
        <translation>Oder seine Größe:</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Suggested base model: %1.&lt;/b&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model chosen yet: the estimates need a folder or a size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;%1&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method: LoRA (the default for a first run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 parameters&lt;/b&gt; (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU memory unknown</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected: %1 (nvidia-smi). Type another figure for the GPU you will train on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No NVIDIA GPU detected here: type the memory of the GPU you will train on.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <source>The answers cannot be evaluated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1: %2&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Why&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;What to try first&lt;/b&gt;&lt;br&gt;%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tbui::AdvisorSettingsPage</name>
    <message>
        <source>Starting settings for the first run</source>
        <translation>Starteinstellungen für den ersten Lauf</translation>
    </message>
    <message>
        <source>Common starting points for the method; the Training tab&apos;s run dialog starts from them.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, rank %1, alpha %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Usual ranges: learning rate %1, epochs %2, validation %3 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Sequence length %1, batch size %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tbui::AdvisorWizard</name>
    <message>
        <source>Fine-tuning advisor</source>
        <translation>Fine-Tuning-Berater</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Cannot store the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer every question first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tbui::BlindGradingWidget</name>
    <message>
        <source>Nothing to grade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer to grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubric: 1-9 select, Space toggles, Enter saves and moves on, P previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left answer (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right answer (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A: left is better   B: right is better   T: tie   P: previous   N: next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no reference)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (critical)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not graded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graded: Enter saves changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your choice: tie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your choice: left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your choice: right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 graded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That was the last one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. That was the last one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. That was the last pair.</source>
        <translation type="unfinished"></translation>
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
    <name>tbui::CoverageView</name>
    <message>
        <source>Tag coverage (share of examples; black tick = target, red = below target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages per example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters per example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepted of %2 imported  ·  %3 reviewed  ·  %4% of reviewed examples are stale (re-review every %5 days)  ·  %6 tag(s) below target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% of examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>examples</source>
        <translation type="unfinished"></translation>
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
    <name>tbui::EvalPanel</name>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Golden set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores across runs (in start order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline vs candidate per tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only changed items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write an HTML report of the candidate run against the baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eval runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No eval runs in this project yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 paired items: pass rate %2% → %3%, &lt;span style=&apos;color:#1b7a1b&apos;&gt;%4 improved&lt;/span&gt;, &lt;span style=&apos;color:#b00020&apos;&gt;%5 regressed&lt;/span&gt;; McNemar p = %6; mean score difference %7 [%8, %9]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — &lt;b style=&apos;color:#b00020&apos;&gt;regression flagged&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot compare these runs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: use a .png or .pdf name in a writable folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation type="unfinished"></translation>
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
    <name>tbui::GoldenSetEditor</name>
    <message>
        <source>Golden set:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question (last input turn):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expert reference answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubric:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (general)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Golden set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items (100-500 recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier turns:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New item: the reference will be signed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference by %1, created %2, updated %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Golden item not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Golden item</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tbui::ItemDiffTable</name>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline:
%1

Candidate:
%2</source>
        <translation type="unfinished"></translation>
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
        <translation>Golden Sets</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluierung</translation>
    </message>
    <message>
        <source>Open or create a project (File menu).</source>
        <translation>Ein Projekt öffnen oder anlegen (Menü Datei).</translation>
    </message>
    <message>
        <source>Reviews and golden references carry your name: set it with Project &gt; Reviewer name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training runs will appear here (run dialog, live charts, queue).</source>
        <translation type="unfinished"></translation>
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
        <source>Evaluation runs will appear here (charts across runs, per-item diffs, reports, blind grading).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer: %1</source>
        <translation>Prüfer: %1</translation>
    </message>
    <message>
        <source>Reviewer: not set</source>
        <translation>Prüfer: nicht gesetzt</translation>
    </message>
    <message>
        <source>Reviewer name</source>
        <translation>Name als Prüfer</translation>
    </message>
    <message>
        <source>Your name as a reviewer (stored on this machine, written on every review and golden reference):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision stored in the project.</source>
        <translation>Entscheidung im Projekt gespeichert.</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Projekt</translation>
    </message>
    <message>
        <source>Fine-tuning &amp;advisor…</source>
        <translation>Fine-Tuning-&amp;Berater…</translation>
    </message>
    <message>
        <source>&amp;Reviewer name…</source>
        <translation>&amp;Name als Prüfer…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lade…</translation>
    </message>
    <message>
        <source>Cannot read the data report</source>
        <translation type="unfinished"></translation>
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
        <translation>Golden Sets</translation>
    </message>
    <message>
        <source>Fine-tuning decision</source>
        <translation>Fine-Tuning-Entscheidung</translation>
    </message>
    <message>
        <source>Open the fine-tuning advisor…</source>
        <translation>Fine-Tuning-Berater öffnen…</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No examples yet: import a dataset (File &gt; Import dataset…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 imported, %2 accepted (%3), %4 reviewed, %5 rejected, %6 need an edit, %7 disputed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not split %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>nothing reviewed yet (re-review every %n day(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 reviewed examples (%3), re-review every %4 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s), no coverage target set (see the Coverage tab)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>all %n target(s) met</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;%1 of %2 target(s) missed: %3&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No golden set yet. Build one of %1-%2 items to evaluate against (Golden sets tab, or tunebench-cli golden import).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; (%2): %n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>general-purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisit the decision with the advisor…</source>
        <translation>Entscheidung mit dem Berater überprüfen…</translation>
    </message>
    <message>
        <source>Not decided yet. Most &quot;we need fine-tuning&quot; requests are better served by prompting or retrieval: let the advisor ask a few questions first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No training or evaluation run yet.</source>
        <translation>Noch kein Trainings- oder Evaluierungslauf.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) in this project; the latest:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>evaluation</source>
        <translation>Evaluierung</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tbui::ReviewQueueWidget</name>
    <message>
        <source>%1 example %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit example %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name as a reviewer (stored on this machine, written on every review):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, saved with your verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs &amp;edit (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skip (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Previous (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶ (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save edits (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start of the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped example %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (Ctrl+Z to undo)%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — end of the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the edit of example %1 (Ctrl+Z to undo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last reviewed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DISPUTED: your verdict settles it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your last note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in this queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepted of %2 imported</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass description (judge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>criterion %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numeric needs a number in Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tolerance must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight must be a number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tbui::RunDialog</name>
    <message>
        <source>New training run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a name for the runs list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hugging Face model folder (config.json, model.safetensors, tokenizer.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where the adapter (or the full model) is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a .jinja file; empty: the model&apos;s own template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jinja templates (*.jinja *.j2 *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only examples reviewed &quot;accept&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Max length (tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drop the example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncate it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pack several samples per row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model and data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LoRA adapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full fine-tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>LoRA rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LoRA alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LoRA dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rank-stabilised scaling (alpha / sqrt(rank))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rsLoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated: q_proj, v_proj, ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cosine to 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linear to 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warmup (share of steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient accumulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate every (steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping patience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint every (steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto (bf16 where the hardware has it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute dtype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recompute activations (less memory, ~30% slower)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient checkpointing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation and numerics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format the data and time a short warm-up: counts, steps, time and memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pre-flight report appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested validation share: %1% of the examples. The trainer validates on the project&apos;s validation split: split the project accordingly before training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the model folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no config.json: choose a Hugging Face model folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the output folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model has no chat template: choose a template file (training never guesses a format).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chat template file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learning rate must be a positive number (e.g. 1e-4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name at least one target module for the LoRA adapters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model has no chat template (a base model): a template file is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the model&apos;s own template (%1). A file here overrides it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Warnings&lt;/b&gt;&lt;br&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formatting the data and timing a warm-up...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-flight failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-flight cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tbui::TrainingCharts</name>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tbui::TrainingPanel</name>
    <message>
        <source>New run...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run yet: &quot;New run...&quot; sets one up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs train one after another; Delete removes a run that has not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best val loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past training runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume selected run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue a cancelled or failed run from its last checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s log appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 / %2  ·  ETA %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: epoch %1, loss %2, %3 tokens/s, elapsed %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1: validation loss %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (best)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pausing after the current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: a checkpoint is written after the current step...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing %1: formatting the data and timing a warm-up...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 after %3 step(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, final loss %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, best validation loss %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. Written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run #%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (resumed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume training run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
