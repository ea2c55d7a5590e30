#!/usr/bin/env python3
"""Renders every chat template fixture with every fixture conversation through the
reference (shared/tools/hf_chat_template.py) in ONE process, so the conformance test does
not pay ~700 Python start-ups. Writes a JSON list of
{"template", "conversation", "text", "generation_spans"} or {..., "error"} objects.

  oracle_driver.py SHARED_DIR OUT.json [--bench TEMPLATE CONVERSATION_NAME N]
  oracle_driver.py SHARED_DIR OUT.json --cases CASES.json
The request for a conversation is the conversation object without its "name", plus
bos_token "<s>" and eos_token "</s>" (the C++ side builds the same request).
With --bench it instead renders one case N times and prints renders per second.
"""
import glob, json, os, sys, time

shared, out_path = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(shared, "tools"))
import hf_chat_template as oracle  # noqa: E402

tdir = os.path.join(shared, "fixtures", "chat-templates")
conversations = json.load(open(os.path.join(tdir, "conversations.json"), encoding="utf-8"))


def request_for(conv):
    req = {k: v for k, v in conv.items() if k != "name"}
    req["bos_token"] = "<s>"
    req["eos_token"] = "</s>"
    return req


def render_compiled(env, tmpl, request):
    # oracle.render() without compiling the template again for every conversation.
    blocks, spans = [], []
    env.activate_tracker(blocks, spans)
    for chunk in tmpl.generate(**request):
        blocks.append(chunk)
    return {"text": "".join(blocks), "generation_spans": [list(s) for s in spans]}


def error_text(e):
    return f"{type(e).__name__}: {e}"


if len(sys.argv) > 3 and sys.argv[3] == "--cases":
    # Small feature templates ({name, template, variables}), same environment as the oracle.
    results = []
    for case in json.load(open(sys.argv[4], encoding="utf-8")):
        entry = {"name": case["name"]}
        try:
            env, tmpl = oracle.compile_template(case["template"])
            entry.update(render_compiled(env, tmpl, case["variables"]))
        except Exception as e:
            entry["error"] = error_text(e)
        results.append(entry)
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(results, f, ensure_ascii=False, indent=1)
    sys.exit(0)

if len(sys.argv) > 3 and sys.argv[3] == "--bench":
    template, conv_name, n = sys.argv[4], sys.argv[5], int(sys.argv[6])
    src = open(os.path.join(tdir, template), encoding="utf-8").read()
    req = request_for(next(c for c in conversations if c["name"] == conv_name))
    # Like the C++ side: compile once, render many times.
    env, tmpl = oracle.compile_template(src)
    start = time.perf_counter()
    for _ in range(n):
        blocks, spans = [], []
        env.activate_tracker(blocks, spans)
        for chunk in tmpl.generate(**req):
            blocks.append(chunk)
    elapsed = time.perf_counter() - start
    json.dump({"renders": n, "seconds": elapsed}, open(out_path, "w"))
    sys.exit(0)

results = []
for path in sorted(glob.glob(os.path.join(tdir, "*.jinja"))):
    src = open(path, encoding="utf-8").read()
    try:
        env, tmpl = oracle.compile_template(src)
    except Exception as e:
        env, tmpl, compile_error = None, None, f"{type(e).__name__}: {e}"
    for conv in conversations:
        entry = {"template": os.path.basename(path), "conversation": conv["name"]}
        if tmpl is None:
            entry["error"] = compile_error
            results.append(entry)
            continue
        try:
            entry.update(render_compiled(env, tmpl, request_for(conv)))
        except Exception as e:  # the error is part of the expected behaviour
            entry["error"] = f"{type(e).__name__}: {e}"
        results.append(entry)
with open(out_path, "w", encoding="utf-8") as f:
    json.dump(results, f, ensure_ascii=False, indent=1)
