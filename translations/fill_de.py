#!/usr/bin/env python3
"""Writes the German translations of de_ui.py, de_eval.py and de_tree.py into tunebench_de.ts.

Run after lupdate (translations/update.sh does both). The dictionaries are the source of
truth: every message they know gets their text (so a reworded term changes everywhere), and
type="unfinished" goes away. Sources they do not know are listed on stderr and stay
unfinished, for a translator to add to de_ui.py.

Every translation is checked against its source: the same placeholders (%1..%99, %n, %L1), the
same HTML tags, an accelerator (&) where the source has one, and one form per German plural
form (two) for %n messages. A mismatch is an error (exit status 1) and the file is not
written, so lrelease never ships a broken string.

    python3 translations/fill_de.py [translations/tunebench_de.ts] [--check]

--check writes nothing; it exits 1 when a message is unfinished, unknown, broken or differs
from the dictionaries (for CI or before a commit).
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from de_eval import DE_EVAL  # noqa: E402
from de_tree import DE_TREE  # noqa: E402
from de_ui import DE_UI, DE_UI_BY_CONTEXT  # noqa: E402

GERMAN_PLURAL_FORMS = 2
PLACEHOLDER = re.compile(r"%L?(?:n|\d{1,2})")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
# "&x" is an accelerator; "&&" is a literal ampersand and "&amp;" and friends are HTML entities.
ENTITY = re.compile(r"&(?:[a-zA-Z]+|#\d+);")


def accelerators(text):
    return ENTITY.sub("", text.replace("&&", "")).count("&")


def problems_of(source, forms, numerus):
    found = []
    if numerus and len(forms) != GERMAN_PLURAL_FORMS:
        found.append(f"{len(forms)} plural form(s), German needs {GERMAN_PLURAL_FORMS}")
    if not numerus and len(forms) != 1:
        found.append("plural forms given for a message without %n")
    want_placeholders = sorted(set(PLACEHOLDER.findall(source)))
    want_tags = sorted(TAG.findall(source))
    for form in forms:
        have = sorted(set(PLACEHOLDER.findall(form)))
        # A singular form may say "one" in words instead of %n.
        if numerus and have != want_placeholders and sorted(set(have) | {"%n"}) == want_placeholders:
            have = want_placeholders
        if have != want_placeholders:
            found.append(f"placeholders {have} instead of {want_placeholders}: {form!r}")
        if sorted(TAG.findall(form)) != want_tags:
            found.append(f"HTML tags differ: {form!r}")
        if (accelerators(source) > 0) != (accelerators(form) > 0):
            found.append(f"accelerator (&) missing or added: {form!r}")
    return found


def german_for(context, source):
    german = DE_UI_BY_CONTEXT.get((context, source))
    if german is None:
        german = DE_TREE.get(source) if context == "DecisionTree" else None
    if german is None:
        german = DE_UI.get(source, DE_EVAL.get(source))
    if german is None:
        return None
    return list(german) if isinstance(german, list) else [german]


def main(argv):
    check_only = "--check" in argv
    paths = [a for a in argv if a != "--check"]
    path = paths[0] if paths else str(pathlib.Path(__file__).resolve().parent / "tunebench_de.ts")
    tree = ET.parse(path)
    missing, broken, stale, unfinished = [], [], [], 0
    for context in tree.getroot().iter("context"):
        context_name = context.find("name").text
        for message in context.iter("message"):
            source = message.find("source").text or ""
            numerus = message.get("numerus") == "yes"
            translation = message.find("translation")
            forms = german_for(context_name, source)
            if forms is None:
                missing.append((context_name, source))
                if translation.get("type") == "unfinished":
                    unfinished += 1
                continue
            problems = problems_of(source, forms, numerus)
            if problems:
                broken += [(context_name, source, p) for p in problems]
                continue
            current = [f.text or "" for f in translation] if numerus else [translation.text or ""]
            if translation.get("type") == "unfinished" or current != forms:
                stale.append((context_name, source))
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            if numerus:
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = forms[0]
            translation.attrib.pop("type", None)
    for context_name, source in missing:
        print(f"untranslated [{context_name}]: {source!r}", file=sys.stderr)
    for context_name, source, problem in broken:
        print(f"error [{context_name}] {source!r}: {problem}", file=sys.stderr)
    if broken:
        return 1
    if check_only:
        for context_name, source in stale:
            print(f"not yet in the .ts [{context_name}]: {source!r}", file=sys.stderr)
        return 1 if missing or unfinished or stale else 0
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
