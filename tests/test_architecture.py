"""The layout is the architecture: no import cycles, and each layer imports only the layers below it.

Read from the source with ``ast`` (no module is run): every ``import calculator...`` and
``from calculator... import`` in calculator/ and ui/, the main page and the pages in pages/, top-level
or inside a function.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("calculator", "ui")

# Lower layers first; a module may import its own layer and the layers before it, never after.
LAYERS = [
    {"calculator.version", "calculator.errors", "calculator.schema.types", "calculator.schema.effect",
     "calculator.schema.preset", "calculator.data.yaml_strict"},
    {"calculator.data"},
    {"calculator.schema"},
    {"calculator.rules"},
    {"calculator.results", "calculator.model"},
    {"calculator.analysis"},
    {"calculator.text"},
    {"calculator.library", "calculator.followup", "calculator.portfolio"},  # storage, follow-up, pools (issue 11)
    {"calculator.export"},
    {"calculator.cli", "calculator.__main__", "calculator"},
    {"ui", "streamlit_app", "pages"},  # the app: the main page, its modules and the library pages
]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            found[_module_name(path)] = path
    found["streamlit_app"] = ROOT / "streamlit_app.py"
    for path in (ROOT / "pages").glob("*.py"):  # Streamlit's pages: scripts, never imported by a module
        found[f"pages.{path.stem}"] = path
    return found


MODULES = _modules()


def _imports(path: Path) -> set[str]:
    """The project modules a file imports (``from a.b import c`` counts a.b.c where that is a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level:  # relative (ui uses them)
            base = _module_name(path).split(".")
            if path.name != "__init__.py":
                base = base[:-1]
            base = base[: len(base) - (node.level - 1)]
            module = ".".join(base + ([node.module] if node.module else []))
            names = [module] + [f"{module}.{a.name}" for a in node.names]
        else:
            continue
        out |= {n for n in names if n in MODULES}
    return out


GRAPH = {name: _imports(path) - {name} for name, path in MODULES.items()}


def _layer(module: str) -> int:
    best, depth = None, -1
    for i, layer in enumerate(LAYERS):
        for prefix in layer:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > depth:
                best, depth = i, len(prefix)
    assert best is not None, f"{module} is in no layer"
    return best


def test_no_import_cycles():
    # Depth-first search for a back edge; the message names the cycle.
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(GRAPH[node]):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(GRAPH):
        if node not in state:
            visit(node)


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("calculator")))
def test_each_layer_imports_only_the_layers_below(module):
    mine = _layer(module)
    above = sorted(other for other in GRAPH[module] if _layer(other) > mine and other != "calculator")
    assert not above, f"{module} (layer {mine}) imports {above}"


def test_the_model_never_imports_streamlit_or_the_app():
    for name, path in MODULES.items():
        if name.startswith("calculator"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"^\s*(import|from)\s+(streamlit|ui)\b", text, re.M), name


def test_no_language_branches_in_the_model():
    # Words are the catalogue's: no `lang == "da"` choices of wording in calculator/.
    offenders = [name for name, path in MODULES.items() if name.startswith("calculator")
                 and re.search(r"""lang\s*[!=]=\s*["'](da|en)["']""", path.read_text(encoding="utf-8"))]
    assert offenders == []


def test_parameter_names_are_literal_in_the_code():
    # A parameter is named by its literal path (greppable), never built with an f-string.
    pattern = re.compile(r"""\b(monthly|monthly_or_constant|yearly|scalar|scale|_per_year)\(\s*f["']""")
    offenders = [name for name, path in MODULES.items() if name.startswith("calculator")
                 and pattern.search(path.read_text(encoding="utf-8"))]
    assert offenders == []


def test_no_file_is_much_longer_than_300_lines():
    long = {name: n for name, path in MODULES.items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 330}
    assert long == {}
