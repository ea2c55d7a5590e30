#!/usr/bin/env python3
"""Writes the expected renders of tests/fixtures/chat-templates: every template listed in
templates.json with every conversation of conversations.json, rendered the way transformers'
apply_chat_template renders (Jinja2's ImmutableSandboxedEnvironment with trim_blocks,
lstrip_blocks, loopcontrols and a {% generation %} tag; tojson with ensure_ascii=False;
raise_exception; strftime_now with the clock pinned), into expected/<template>.json.
tests/text/jinja/fixture_templates_test.cpp compares Tunebench with those files byte for
byte, so a clone needs no Python to check templates.

    python3 tests/tools/render_chat_templates.py     # needs Debian's python3-jinja2

A template's request is the conversation without its "name", plus bos_token and eos_token
from the template's tokenizer_config.json when it names them (the content of an AddedToken
object). A render that fails records {"error": "ExceptionType: message"}: templates reject
some conversations on purpose (raise_exception) or by accident (None where a string is
expected), and the C++ side must fail with the same text.
"""
import datetime
import json
import os
import sys

import jinja2
from jinja2 import nodes
from jinja2.ext import Extension, loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "chat-templates")
# strftime_now's clock: fixed, so the expected files do not change with the day.
EPOCH = 1700000000


class GenerationTracker(Extension):
    """{% generation %}...{% endgeneration %}: renders its body and records the body's
    [start, end) in characters of the output, as transformers' AssistantTracker does."""

    tags = {"generation"}

    def __init__(self, environment):
        super().__init__(environment)
        self.blocks = None  # the output so far, while a render is tracked
        self.spans = None

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(("name:endgeneration",), drop_needle=True)
        return nodes.CallBlock(self.call_method("_generation", []), [], [], body).set_lineno(lineno)

    def _generation(self, caller):
        text = caller()
        if self.blocks is not None:
            start = sum(len(b) for b in self.blocks)
            self.spans.append([start, start + len(text)])
        return text


def tojson(value, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    # transformers' tojson: json.dumps without HTML escaping, non-ASCII kept.
    return json.dumps(value, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def raise_exception(message):
    raise jinja2.exceptions.TemplateError(message)


def strftime_now(fmt):
    return datetime.datetime.fromtimestamp(EPOCH, tz=datetime.timezone.utc).strftime(fmt)


def make_environment():
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
                                        extensions=[GenerationTracker, loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env


def token_text(token):
    if isinstance(token, dict):
        return token.get("content")
    return token


def template_and_tokens(entry):
    """The template source and its bos/eos tokens: from a model folder's tokenizer_config.json
    ("folder"), or a .jinja file ("file") with the tokens the entry names."""
    if "file" in entry:
        with open(os.path.join(ROOT, entry["file"]), encoding="utf-8") as f:
            source = f.read()
        return source, {k: entry[k] for k in ("bos_token", "eos_token") if k in entry}
    with open(os.path.join(ROOT, entry["folder"], "tokenizer_config.json"), encoding="utf-8") as f:
        config = json.load(f)
    source = config["chat_template"]
    if isinstance(source, list):
        source = next(t["template"] for t in source if t["name"] == "default")
    tokens = {}
    for key in ("bos_token", "eos_token"):
        text = token_text(config.get(key))
        if text is not None:
            tokens[key] = text
    return source, tokens


def render(env, template, request):
    tracker = next(e for e in env.extensions.values() if isinstance(e, GenerationTracker))
    blocks, spans = [], []
    tracker.blocks, tracker.spans = blocks, spans
    try:
        for chunk in template.generate(**request):
            blocks.append(chunk)
    finally:
        tracker.blocks = tracker.spans = None
    return {"text": "".join(blocks), "generation_spans": spans}


def main():
    with open(os.path.join(FIXTURES, "templates.json"), encoding="utf-8") as f:
        templates = json.load(f)
    with open(os.path.join(FIXTURES, "conversations.json"), encoding="utf-8") as f:
        conversations = json.load(f)
    os.makedirs(os.path.join(FIXTURES, "expected"), exist_ok=True)
    for entry in templates:
        source, tokens = template_and_tokens(entry)
        env = make_environment()
        results = []
        try:
            template = env.from_string(source)
            compile_error = None
        except Exception as e:  # noqa: BLE001 - the error text is the expectation
            compile_error = f"{type(e).__name__}: {e}"
        for conversation in conversations:
            request = {k: v for k, v in conversation.items() if k != "name"}
            request.update(tokens)
            result = {"conversation": conversation["name"]}
            if compile_error:
                result["error"] = compile_error
            else:
                try:
                    result.update(render(env, template, request))
                except Exception as e:  # noqa: BLE001
                    result["error"] = f"{type(e).__name__}: {e}"
            results.append(result)
        out = {
            "reference": f"tests/tools/render_chat_templates.py, Jinja2 {jinja2.__version__}",
            "template": entry["name"],
            "strftime_now_epoch": EPOCH,
            "renders": results,
        }
        path = os.path.join(FIXTURES, "expected", entry["name"] + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=1)
            f.write("\n")
        errors = sum("error" in r for r in results)
        print(f"{entry['name']}: {len(results)} conversations, {errors} expected errors", file=sys.stderr)


if __name__ == "__main__":
    main()
