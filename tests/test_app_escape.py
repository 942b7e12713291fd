"""Markdown injection: what a user supplied (names, a file's name, rejected values) is shown as text, never as markup.

A scenario whose names hold a markdown link, an image, HTML, a bare address, ``$math$`` and a
Streamlit colour directive is opened from a share link and drawn in every view; every element
Streamlit renders as markdown is read, and none may hold the payload in a form markdown acts on.
The checks are written from CommonMark's rules (a mark preceded by a backslash is shown as
itself) and GitHub's (a bare ``https://``, ``www.`` or ``x@y.z`` becomes a link), not from the
escaping code. The real browser's view of the same scenario is in tests/test_browser.py.
"""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from test_app import example, no_crash, shown, start

from calculator.schema import Scenario
from ui.escape import md
from ui.share import encode_link

LINK = "[Log ind](https://evil.example/login)"
IMAGE = "![x](https://evil.example/x.png)"
HTML = "<img src=https://evil.example/y.png>"
MATH = "$x^2$ :red[rød] www.evil.example a@evil.example"


def hostile() -> Scenario:
    data = example().model_dump(mode="json")
    data["name"] = f"{HTML} {LINK}"
    data["description"] = f"{IMAGE} {MATH} <script>alert(1)</script>"
    data["prepared_by"] = LINK
    first = data["cohorts"][0]
    first["name"] = LINK
    second = {**first, "name": f"{IMAGE} {MATH}"[:80]}
    data["cohorts"] = [first, second]
    data["costs"]["wage_subsidy_cohort"] = LINK
    data["costs"]["wage_subsidy_persons"] = 1.0
    return Scenario.model_validate(data)


_UNESCAPED = r"(?<!\\)(?:\\\\)*"  # an even number of backslashes (none) before the mark: markdown acts on it


def problems_in(body: str) -> list[str]:
    """The payload's constructs that markdown would act on in ``body`` (empty: all shown as text)."""
    found = []
    for name, pattern in [
        ("link or image", _UNESCAPED + r"\]" + _UNESCAPED + r"\(https?:"),
        ("html", _UNESCAPED + r"<(?:img|script|a)\b"),
        ("math", _UNESCAPED + r"\$x\^2"),
        ("directive", _UNESCAPED + r":red" + _UNESCAPED + r"\["),
        ("bare address", r"(?:https?://|www\.)evil|@evil\.example"),
    ]:
        if re.search(pattern, body):
            found.append(name)
    return found


def markdown_bodies(at) -> list[str]:
    bodies = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "subheader", "title", "header"):
        bodies += [e.value for e in at.get(kind)]
    for m in at.metric:
        bodies += [m.label, m.value, m.proto.delta]
    for kind in ("button", "text_input", "selectbox", "radio", "toggle", "checkbox", "multiselect", "segmented_control",
                 "expander", "download_button"):
        bodies += [getattr(w, "label", "") or "" for w in at.get(kind)]
    for kind in ("radio", "segmented_control"):  # options rendered as markdown (a select box's are plain text)
        for w in at.get(kind):
            bodies += [str(getattr(o, "content", o)) for o in w.proto.options]
    return [b for b in bodies if b]


def test_the_checks_see_an_unescaped_payload():
    assert problems_in(LINK) == ["link or image", "bare address"]
    assert problems_in(IMAGE) == ["link or image", "bare address"]
    assert "html" in problems_in(HTML) and problems_in(MATH) == ["math", "directive", "bare address"]
    assert problems_in(md(f"{LINK} {IMAGE} {HTML} {MATH}")) == []


def test_user_text_in_every_view_is_shown_as_text():
    at = start(s=encode_link(hostile()))
    no_crash(at)
    assert json.loads(at.session_state["last_valid_json"])["name"] == hostile().name  # the names are kept as they are
    seen: list[str] = []
    at.segmented_control(key="cohort_pick").set_value(1).run()
    at.text_input(key="c1_size:text").set_value("0").run()  # a problem in the other cohort lists its name
    at.segmented_control(key="cohort_pick").set_value(0).run()
    no_crash(at)
    assert any("anden målgruppe" in shown(e.value) for e in at.error)
    seen += markdown_bodies(at)
    at.session_state["c1_size"] = 60  # set by the app: the text follows
    at.run()
    at.session_state["cert_draws"] = 500
    for view in ("results", "certainty", "sources", "compare"):
        at.segmented_control(key="view").set_value(view).run()
        if view == "compare":
            at.button(key="compare_add").click().run()
        no_crash(at)
        seen += markdown_bodies(at)
    bad = json.dumps({**example().model_dump(mode="json"), "municipality": LINK}).encode()
    at.file_uploader(key="upload").set_value((f"{IMAGE}.json", bad, "application/json")).run()  # the file's name and value
    no_crash(at)
    assert any("afvist" in shown(e.value) and "ukendt kommune" in shown(e.value) for e in at.error)
    seen += markdown_bodies(at)
    at.file_uploader(key="upload").set_value(("ok.json", json.dumps(hostile().model_dump(mode="json")).encode(),
                                              "application/json")).run()
    seen += markdown_bodies(at)
    at.toggle(key="presentation").set_value(True).run()
    no_crash(at)
    seen += markdown_bodies(at)
    assert any("Log ind" in b for b in seen)  # the payload was on screen
    assert {b: problems_in(b) for b in seen if problems_in(b)} == {}


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=60))
def test_escaped_text_reads_as_itself(text):
    # Read back by CommonMark's rule (backslash + ASCII punctuation = the mark), joiners removed.
    assert shown(md(text)) == re.sub(r"[\r\n\t]+", " ", text)
    assert not re.search(r"(?<!\\)(?:\\\\)*[\[\]<>$`*_]", md(text).replace("\\\\", ""))


def test_a_lone_surrogate_is_shown_as_a_replacement_character():
    assert md("a\ud800b") == "a\ufffdb"
    assert md("😀") == "😀"  # a real pair is kept
