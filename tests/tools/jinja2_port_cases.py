#!/usr/bin/env python3
"""Ports the cases of Jinja2's own test suite (pallets/jinja, tests/test_filters.py,
test_core_tags.py, test_tests.py, test_regression.py) into Tunebench's table-driven test
data, tests/text/jinja/jinja2_cases.json.

It reads the test modules as syntax trees, never runs them: every template string a test
compiles (env.from_string / Template) together with the variables it renders with becomes
one case, when those variables are JSON-shaped (str, int, float, bool, None, lists, dicts
with str keys). A test that needs anything Tunebench deliberately does not support goes to
the "excluded" list with the reason. Expected outputs are not taken from the tests: they are
recorded afterwards by tests/tools/jinja2_expected.py, which renders each case with the real
python3-jinja2 in the environment Tunebench implements (transformers' chat template one).

  jinja2_port_cases.py JINJA_TESTS_DIR OUT.json
JINJA_TESTS_DIR: a pallets/jinja checkout's tests/ folder (the port was made from tag 3.1.6).
"""
import ast
import json
import re
import sys

FILES = ["test_filters.py", "test_core_tags.py", "test_tests.py", "test_regression.py"]

# Environment(...) keywords and why a case built with them is not ported.
UNSUPPORTED_ENV = {
    "autoescape": "autoescape / Markup: chat templates render with autoescape off",
    "undefined": "other Undefined classes (StrictUndefined, ...): transformers uses the default",
    "finalize": "finalize callbacks: Python functions",
    "loader": "loading other templates (include/import/extends): chat templates are one file",
    "extensions": "Jinja2 extensions other than loopcontrols (i18n, do, debug)",
    "keep_trailing_newline": "other whitespace options than transformers' (trim_blocks, lstrip_blocks)",
    "line_statement_prefix": "line statements: not enabled in transformers' environment",
    "line_comment_prefix": "line comments: not enabled in transformers' environment",
    "enable_async": "async rendering",
    "block_start_string": "custom delimiters",
    "variable_start_string": "custom delimiters",
    "comment_start_string": "custom delimiters",
    "newline_sequence": "other newline sequences",
    "cache_size": "template cache",
    "auto_reload": "template loading",
    "bytecode_cache": "template loading",
    "optimized": "compiler options",
}
# Whitespace options transformers' environment already has: harmless to ignore.
HARMLESS_ENV = {"trim_blocks", "lstrip_blocks"}

UNSUPPORTED_CALLS = {
    "get_template": "loading other templates (include/import/extends): chat templates are one file",
    "select_template": "loading other templates (include/import/extends): chat templates are one file",
    "module": "the template module API (exported macros and variables): Python API",
    "make_module": "the template module API (exported macros and variables): Python API",
    "generate": "streaming API: Python API",
    "stream": "streaming API: Python API",
    "new_context": "Python context API",
    "call_filter": "calling filters from Python: Python API",
    "call_test": "calling tests from Python: Python API",
    "parse": "the parser's node API: Python API",
    "compile": "the compiler API: Python API",
    "lex": "the lexer API: Python API",
}


# Cases that port cleanly but test what Tunebench deliberately does differently.
INT64 = "unbounded integers: Tunebench's are 64-bit and refuse larger ones with an OverflowError (JinjaIntegers tests)"
DELIBERATE = {
    "test_filters.py::TestFilter::test_int[3]": INT64,
    "test_tests.py::TestTestsCase::test_types[30]": INT64,
    "test_tests.py::TestTestsCase::test_types[36]": INT64,
    "test_tests.py::TestTestsCase::test_types[43]": INT64,
    "test_filters.py::TestFilter::test_random": "random output: nothing to compare (the filter exists)",
}


def json_shaped(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return True
    if isinstance(value, list):
        return all(json_shaped(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and json_shaped(v) for k, v in value.items())
    return False


def describe_type(value):
    if isinstance(value, tuple):
        return "tuples as variables (JSON has only lists)"
    if isinstance(value, (list, dict)):
        items = value.values() if isinstance(value, dict) else value
        if isinstance(value, dict) and not all(isinstance(k, str) for k in value):
            return "dicts with non-string keys as variables (JSON keys are strings)"
        for v in items:
            if not json_shaped(v):
                return describe_type(v)
    return f"Python objects as variables ({type(value).__name__})"


SAFE_BUILTINS = {"list": list, "range": range, "dict": dict, "str": str, "int": int, "len": len,
                 "True": True, "False": False, "None": None, "sorted": sorted, "tuple": tuple, "set": set}


def evaluate(node, names):
    """Evaluates a small expression of test code (literals, f-strings over parametrize
    values, list(range(n)) ...) in a namespace without builtins. Raises on anything else."""
    code = compile(ast.Expression(body=node), "<case>", "eval")
    for name in code.co_names:
        if name not in names and name not in SAFE_BUILTINS:
            raise NameError(name)
    return eval(code, {"__builtins__": SAFE_BUILTINS}, dict(names))  # noqa: S307 - trusted test source


def parametrize_sets(func):
    sets = [({}, "")]
    for deco in func.decorator_list:
        if not (isinstance(deco, ast.Call) and ast.unparse(deco.func).endswith("parametrize")):
            continue
        names_node, values_node = deco.args[0], deco.args[1]
        names = ast.literal_eval(names_node)
        names = [n.strip() for n in names.split(",")] if isinstance(names, str) else list(names)
        new_sets = []
        for i, v in enumerate(values_node.elts):
            if ast.unparse(v).startswith("pytest.param"):
                v = v.args[0] if len(v.args) == 1 else ast.Tuple(elts=v.args, ctx=ast.Load())
            try:
                value = evaluate(v, {})
            except Exception as e:  # Markup(...), classes: the whole parameter set is excluded
                value = e
            values = [value] if len(names) == 1 else value
            for base, label in sets:
                if isinstance(values, Exception):
                    binding = dict(base, __unevaluable__=str(values))
                else:
                    binding = dict(base, **dict(zip(names, values)))
                new_sets.append((binding, f"{label}[{i}]"))
        sets = new_sets
    return sets


class Extractor(ast.NodeVisitor):
    """Collects the cases of one test function, statements in order."""

    def __init__(self, test_id, names):
        self.test_id = test_id
        self.names = dict(names)
        self.templates = {}  # local name -> template source
        self.cases = []
        self.excluded = []
        self.env_reason = None
        self.raises_depth = 0

    def exclude(self, reason):
        self.excluded.append({"id": self.test_id, "reason": reason})

    def template_of(self, node):
        """The source for env.from_string(X) / Template(X) / Environment(...).from_string(X)."""
        if isinstance(node, ast.Call):
            func = ast.unparse(node.func)
            if func.endswith("from_string") or func == "Template":
                if isinstance(node.func, ast.Attribute):
                    self.check_env(node.func.value)
                for kw in node.keywords:
                    if func == "Template" and kw.arg in UNSUPPORTED_ENV:
                        self.env_reason = UNSUPPORTED_ENV[kw.arg]
                return evaluate(node.args[0], self.names)
        if isinstance(node, ast.Name) and node.id in self.templates:
            return self.templates[node.id]
        return None

    def check_env(self, env_node):
        if isinstance(env_node, ast.Call) and ast.unparse(env_node.func) == "Environment":
            for kw in env_node.keywords:
                if kw.arg in UNSUPPORTED_ENV:
                    if kw.arg == "extensions" and "loopcontrols" in ast.unparse(kw.value) and "i18n" not in ast.unparse(kw.value) and "do" not in ast.unparse(kw.value):
                        continue
                    if kw.arg == "autoescape" and ast.unparse(kw.value) == "False":
                        continue
                    self.env_reason = UNSUPPORTED_ENV[kw.arg]
                elif kw.arg not in HARMLESS_ENV:
                    self.env_reason = f"Environment option {kw.arg}"

    def visit_Assign(self, node):
        target = node.targets[0]
        if isinstance(target, ast.Name):
            try:
                source = self.template_of(node.value)
            except Exception as e:
                self.exclude(f"template built in Python test code ({type(e).__name__})")
                return
            if source is not None:
                self.templates[target.id] = source
                if self.raises_depth:
                    self.add_case(source, {}, "compiles")
                return
            if isinstance(node.value, ast.Call) and ast.unparse(node.value.func) == "Environment":
                self.check_env(node.value)
                return
            try:
                self.names[target.id] = evaluate(node.value, self.names)
            except Exception:
                pass
        self.generic_visit(node)

    def visit_With(self, node):
        raises = any("raises" in ast.unparse(item.context_expr) for item in node.items)
        self.raises_depth += raises
        for stmt in node.body:
            self.visit(stmt)
        self.raises_depth -= raises

    def visit_Expr(self, node):
        if self.raises_depth and isinstance(node.value, ast.Call):
            try:
                source = self.template_of(node.value)
            except Exception:
                source = None
            if source is not None:
                self.add_case(source, {}, "compiles")
                return
        self.generic_visit(node)

    def visit_Call(self, node):
        if isinstance(node.func, ast.Attribute):
            attr = node.func.attr
            target = ast.unparse(node.func.value)
            if attr in ("filters", "globals", "tests") or target.endswith((".filters", ".globals", ".tests")):
                self.env_reason = "custom filters, tests or globals: Python functions"
            if attr == "render":
                try:
                    source = self.template_of(node.func.value)
                except Exception as e:
                    self.exclude(f"template built in Python test code ({type(e).__name__})")
                    return
                if source is None:
                    self.generic_visit(node)
                    return
                try:
                    variables = {}
                    for arg in node.args:
                        variables.update(evaluate(arg, self.names))
                    for kw in node.keywords:
                        if kw.arg is None:
                            variables.update(evaluate(kw.value, self.names))
                            continue
                        try:
                            variables[kw.arg] = evaluate(kw.value, self.names)
                        except Exception:
                            # A Python object the template never names cannot matter.
                            if re.search(rf"\b{kw.arg}\b", source):
                                raise
                except Exception as e:
                    self.exclude(f"Python objects as variables, built by the test's code ({e})")
                    return
                self.add_case(source, variables, "renders")
                return
            if attr in UNSUPPORTED_CALLS and not target.startswith(("pytest", "self.assert", "re")):
                self.exclude(UNSUPPORTED_CALLS[attr])
        self.generic_visit(node)

    def visit_Subscript(self, node):
        text = ast.unparse(node.value)
        if text.endswith((".filters", ".globals", ".tests", ".policies")):
            self.env_reason = "custom filters, tests, globals or policies: Python functions"
        self.generic_visit(node)

    def add_case(self, source, variables, what):
        if not isinstance(source, str):
            self.exclude("template is not a str")
            return
        variables = {k: (list(v) if isinstance(v, range) else v) for k, v in variables.items()}
        if not json_shaped(variables):
            bad = next(v for v in variables.values() if not json_shaped(v))
            self.exclude(describe_type(bad))
            return
        self.cases.append({"template": source, "variables": variables})


def port(tests_dir):
    cases, excluded = [], []
    for file in FILES:
        tree = ast.parse(open(f"{tests_dir}/{file}", encoding="utf-8").read())
        for cls in [n for n in tree.body if isinstance(n, ast.ClassDef)] + [tree]:
            for func in cls.body:
                if not isinstance(func, ast.FunctionDef) or not func.name.startswith("test_"):
                    continue
                prefix = f"{file}::{cls.name + '::' if isinstance(cls, ast.ClassDef) else ''}{func.name}"
                for names, label in parametrize_sets(func):
                    test_id = prefix + label
                    if "__unevaluable__" in names:
                        excluded.append({"id": test_id, "reason": "Python objects as parameters (Markup, classes)"})
                        continue
                    ex = Extractor(test_id, names)
                    for stmt in func.body:
                        ex.visit(stmt)
                    if ex.env_reason:
                        excluded.append({"id": test_id, "reason": ex.env_reason})
                        continue
                    excluded.extend(ex.excluded)
                    if not ex.cases and not ex.excluded:
                        excluded.append({"id": test_id, "reason": "no template rendered: tests Python API only"})
                    for n, case in enumerate(ex.cases):
                        case_id = test_id + (f"#{n + 1}" if len(ex.cases) > 1 else "")
                        if case_id in DELIBERATE:
                            excluded.append({"id": case_id, "reason": DELIBERATE[case_id], **case})
                        else:
                            cases.append({"id": case_id, **case})
    return cases, excluded


if __name__ == "__main__":
    cases, excluded = port(sys.argv[1])
    # Keep the exclusions of the same test (several reasons) apart but without duplicates.
    seen, unique = set(), []
    for e in excluded:
        key = (e["id"], e["reason"])
        if key not in seen:
            seen.add(key)
            unique.append(e)
    json.dump({"source": "pallets/jinja 3.1.6 tests/", "cases": cases, "excluded": unique},
              open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    print(f"{len(cases)} cases, {len(unique)} exclusions")
