#!/usr/bin/env python3
"""Records the expected output of every ported Jinja2 test case
(tests/text/jinja/jinja2_cases.json) by rendering it with the real python3-jinja2 in the
environment Tunebench implements: transformers' chat template environment, as the shared
reference renderer builds it (ImmutableSandboxedEnvironment, trim_blocks, lstrip_blocks,
loopcontrols, tojson, raise_exception, strftime_now with SOURCE_DATE_EPOCH).

  jinja2_expected.py SHARED_DIR CASES.json            rewrite the "expected" fields
  jinja2_expected.py SHARED_DIR CASES.json --check    exit 1 if any recorded one differs

Each case gets "expected": {"text": ...} or {"error_kind": "UndefinedError", "error": message}.
The C++ test (tests/text/jinja/jinja2_suite_test.cpp) compares texts exactly and errors by kind.
"""
import json
import os
import sys

shared, cases_path = sys.argv[1], sys.argv[2]
check = "--check" in sys.argv[3:]
os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
sys.path.insert(0, os.path.join(shared, "tools"))
import jinja2  # noqa: E402
import hf_chat_template as reference  # noqa: E402


def expected_for(case):
    try:
        env, template = reference.compile_template(case["template"])
        blocks, spans = [], []
        env.activate_tracker(blocks, spans)
        for chunk in template.generate(**case["variables"]):
            blocks.append(chunk)
        return {"text": "".join(blocks)}
    except Exception as e:  # the error is the expected behaviour
        return {"error_kind": type(e).__name__, "error": str(e)}


data = json.load(open(cases_path, encoding="utf-8"))
changed = 0
for case in data["cases"]:
    want = expected_for(case)
    if case.get("expected") != want:
        changed += 1
        if check:
            print(f"{case['id']}: recorded {case.get('expected')!r}, python3-jinja2 {jinja2.__version__} gives {want!r}")
    case["expected"] = want
if check:
    sys.exit(1 if changed else 0)
data["environment"] = "transformers chat template environment (shared/tools/hf_chat_template.py)"
data["recorded_with"] = f"python3-jinja2 {jinja2.__version__}"
with open(cases_path, "w", encoding="utf-8") as f:
    json.dump(data, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(f"{len(data['cases'])} cases recorded, {changed} changed")
