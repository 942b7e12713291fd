"""The front end's shape: small modules, no import cycles, pure modules without Streamlit, every word in the catalogues.

Read from the source (ast) and the message catalogues; the one AppTest at the end draws every
view with every box open in both languages and looks for a message key shown instead of words.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from calculator.text.catalog import po_path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "ui"
PAGES = ROOT / "pages"  # Streamlit's pages (the library): held to the same rules as ui/
MAX_LINES = 300
# Modules with no Streamlit in them (nor in anything of ui/ they import): tested without a page.
PURE = ("ui.state", "ui.state.fields", "ui.state.load", "ui.state.draft", "ui.state.locate", "ui.certainty.specs",
        "ui.certainty.tables", "ui.certainty.evidence", "ui.chartdata", "ui.charts", "ui.views", "ui.share", "ui.fmt",
        "ui.i18n", "ui.escape", "ui.state.entry", "ui.state.reset", "ui.library.tables", "ui.library.charts")


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(UI.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(name: str, path: Path) -> set[str]:
    """Every module this one imports (at the top or inside a function), as absolute names."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)  # "from . import state" names a module
    return found


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    graph = {}
    for name, path in mods.items():
        deps = {d for d in _imports(name, path) if d in mods and d != name}
        # importing a.b.c runs a/b/__init__ first (unless the importer is inside a.b: then it is running already)
        parents = {".".join(d.split(".")[:i]) for d in set(deps) for i in range(2, d.count(".") + 1)} & set(mods)
        deps |= {p for p in parents if not name.startswith(p + ".")}
        graph[name] = deps - {name}
    return graph


def test_no_module_in_ui_is_over_300_lines():
    long = {str(p.relative_to(ROOT)): n for p in [*UI.rglob("*.py"), *PAGES.glob("*.py")]
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


# Import cycles in ui/ are found by tests/test_architecture.py, which reads calculator/ and ui/ together.


@pytest.mark.parametrize("name", PURE)
def test_pure_modules_do_not_need_streamlit(name):
    mods, graph = _modules(), _graph()
    seen, todo = set(), [name]
    while todo:
        mod = todo.pop()
        if mod in seen:
            continue
        seen.add(mod)
        used = _imports(mod, mods[mod])
        assert not any(u == "streamlit" or u.startswith("streamlit.") for u in used), f"{mod} (reached from {name}) imports streamlit"
        todo.extend(graph[mod])


def test_no_wording_by_language_branch_in_ui():
    # Words come from the catalogues; only a formatter may choose a format by language (ui/fmt.py),
    # and the share link leaves the default language out of the address (ui/session.py).
    allowed = {"ui/fmt.py": 2, "ui/session.py": 1}
    found: dict[str, int] = {}
    for path in [*UI.rglob("*.py"), *PAGES.glob("*.py")]:
        n = len(re.findall(r"""lang\s*[!=]=\s*["']da["']""", path.read_text(encoding="utf-8")))
        if n:
            found[str(path.relative_to(ROOT))] = n
    assert found == {k: v for k, v in allowed.items() if k in found} and all(found.get(k, 0) <= v for k, v in allowed.items()), found


def test_ui_copies_inputs_only_through_replace():
    # Scenario.replace / Cohort.replace validate the copy; pydantic's model_copy(update=...) does not.
    offenders = [str(p.relative_to(ROOT)) for p in [*UI.rglob("*.py"), *PAGES.glob("*.py")] if "model_copy(" in p.read_text(encoding="utf-8")]
    assert not offenders


def _catalogue(lang: str) -> dict[str, str]:
    with po_path(lang, "app").open("rb") as fh:
        # a plural entry (id, plural id): its forms joined, so each must be filled and carry the placeholders
        return {m.id[0] if isinstance(m.id, tuple) else m.id: " ".join(m.string) if isinstance(m.string, tuple) else m.string
                for m in read_po(fh, locale=lang, domain="app") if m.id}


def test_the_app_catalogues_are_complete_and_agree():
    da, en = _catalogue("da"), _catalogue("en")
    assert set(da) == set(en)
    assert not [k for k, v in {**{f"da:{k}": v for k, v in da.items()}, **{f"en:{k}": v for k, v in en.items()}}.items() if not v]
    for key in da:  # the same placeholders in both languages
        assert set(re.findall(r"\{(\w+)\}", da[key])) == set(re.findall(r"\{(\w+)\}", en[key])), key
    ids = list(da)
    text = po_path("da", "app").read_text(encoding="utf-8")
    assert re.findall(r'^msgid "(.+)"$', text, flags=re.M) == sorted(ids)  # kept sorted


def test_every_literal_message_key_in_ui_exists():
    ids = set(_catalogue("da"))
    used = set()
    for path in [*UI.rglob("*.py"), *PAGES.glob("*.py"), ROOT / "streamlit_app.py"]:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_]+)["']""", path.read_text(encoding="utf-8")))
    assert used - ids == set()


RAW_KEY = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")


def _shown_texts(at) -> list[str]:
    texts = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "subheader", "title"):
        texts += [e.value for e in at.get(kind)]
    for m in at.metric:
        texts += [m.label, m.value, m.proto.delta]
    for kind in ("button", "number_input", "selectbox", "text_input", "radio", "toggle", "checkbox", "multiselect",
                 "segmented_control", "expander"):
        texts += [getattr(w, "label", "") for w in at.get(kind)]
    for kind in ("selectbox", "radio", "segmented_control", "multiselect"):
        for w in at.get(kind):
            texts += [str(o) for o in getattr(w, "options", [])]
    for df in at.dataframe:
        texts += [str(c) for c in df.value.columns]
    return [x for x in texts if x]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_view_in_both_languages_shows_words_not_keys(lang):
    from test_app import start

    at = start()
    at.selectbox(key="c0_preset").set_value("slagelse_fremskudt").run()
    at.button(key="c0_apply_preset").click().run()
    at.selectbox(key="c0_preset").set_value("esbjerg_jobparate").run()  # a descriptive study's card and warning
    if lang != "da":
        at.segmented_control(key="lang").set_value(lang).run()
    for box in ("c0_sec_details", "sec_description", "sec_tax_more", "sec_offers", "sec_wage_subsidy", "sec_share",
                "sec_cert_tornado", "sec_cert_mc", "tbl_cert_tornado", "tbl_cert_mc", "tbl_cumulative"):
        at.session_state[box] = True
    at.session_state["cert_draws"] = 500
    shown = []
    for view in ("results", "budget", "certainty", "sources", "evidence", "compare"):
        at.segmented_control(key="view").set_value(view).run()
        assert not at.exception, [e.value for e in at.exception]
        if view == "compare":
            at.button(key="compare_add").click().run()
        shown += _shown_texts(at)
    raw = sorted({x for x in shown if RAW_KEY.fullmatch(x.strip())})
    assert not raw, raw
