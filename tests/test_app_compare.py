"""Compared scenarios (issue 9): labels, the inputs that differ, the share link, presentation mode; and a broken
share link that keeps the address bar (issue 9, item 6). Driven with AppTest.

Expected values: the model's key figures and :func:`calculator.export.diff.input_differences` on the
equivalent scenarios; the one input changed in each test is written out by hand.
"""

from __future__ import annotations

from test_app import enter, errors, example, no_crash, start, with_cohort

from calculator.export.diff import input_differences
from calculator.model import calculate
from calculator.text.numbers import kr
from ui.share import decode_compare, encode_compare, encode_link


def param(at, name: str) -> str | None:
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


def two_compared():
    """The example as A, and with 12 instead of 18 extra people in jobs as B."""
    at = start()
    at.segmented_control(key="view").set_value("compare").run()
    at.button(key="compare_add").click().run()
    enter(at, "c0_extra_people", "12")
    at.button(key="compare_add").click().run()
    no_crash(at)
    return at


B = with_cohort(example(), effect={"form": "ekstra_i_job", "extra_people": 12, "from_month": 4, "duration_months": 24})


def test_compared_scenarios_carry_labels_buttons_that_name_them_and_the_inputs_that_differ():
    at = two_compared()
    assert [b.label for b in at.button if b.key.startswith("compare_")][-4:] == ["Hent A ind", "Fjern A", "Hent B ind", "Fjern B"]
    assert at.text_input(key="compare_label_0").value == example().name  # the scenario's name to start with
    at.text_input(key="compare_label_0").input("Som i Greve").run()
    at.text_input(key="compare_label_1").input("Forsigtigt").run()
    no_crash(at)
    # the one input that differs, as the model lists it: 18 against 12 extra people in jobs
    diff = input_differences(example(), B)
    assert [(d.label, d.a, d.b) for d in diff] == [("Målgruppe 1 › Effekt › Ekstra i job", "18", "12")]
    table = next(df.value for df in at.dataframe if "Input" in df.value.columns)
    assert table.values.tolist() == [["Målgruppe 1 › Effekt › Ekstra i job", "18", "12"]]
    assert any("afviger fra A:** 1" in m.value for m in at.markdown)
    figures = at.dataframe[0].value
    net = figures[figures.iloc[:, 0] == "Nettoresultat for kommunen"].iloc[0].tolist()
    assert net[1:3] == [kr(calculate(example()).summary.net), kr(calculate(B).summary.net)]


def test_removing_a_scenario_moves_the_labels_with_the_scenarios():
    at = two_compared()
    at.text_input(key="compare_label_1").input("Forsigtigt").run()
    at.button(key="compare_remove_0").click().run()
    no_crash(at)
    assert at.session_state["compare"] == [B.canonical_json()]
    assert at.text_input(key="compare_label_0").value == "Forsigtigt"
    assert [b.label for b in at.button if b.key.startswith("compare_") and b.key[-1].isdigit()] == ["Hent A ind", "Fjern A"]


def test_the_comparison_and_its_labels_travel_in_the_share_link():
    at = two_compared()
    at.text_input(key="compare_label_1").input("Forsigtigt").run()
    compared = param(at, "c")
    assert [(label, s.canonical_json()) for label, s in decode_compare(compared)] == [
        (example().name, example().canonical_json()), ("Forsigtigt", B.canonical_json())]
    again = start(s=param(at, "s"), c=compared)
    no_crash(again)
    assert again.session_state["compare"] == at.session_state["compare"]
    again.segmented_control(key="view").set_value("compare").run()
    assert again.text_input(key="compare_label_1").value == "Forsigtigt"
    at.button(key="compare_clear").click().run()
    assert param(at, "c") is None  # an empty comparison leaves the link


def test_the_comparison_can_be_shown_in_presentation_mode():
    at = two_compared()
    at.text_input(key="compare_label_1").input("Forsigtigt").run()
    at.toggle(key="presentation").set_value(True).run()
    at.segmented_control(key="present_view").set_value("compare").run()
    no_crash(at)
    figures = at.dataframe[0].value
    assert list(figures.columns)[1:4] == [f"A: {example().name}", "B: Forsigtigt", "B − A"]
    assert at.get("vega_lite_chart")  # the cumulative nets, overlaid
    at.segmented_control(key="present_view").set_value("budget").run()  # and the budget years
    no_crash(at)
    assert at.table[0].value.columns[0] == "Post (kr.)"


def test_a_broken_share_link_keeps_the_address_until_the_user_changes_something():
    at = start(s="not-a-real-link", lang="en")
    no_crash(at)
    assert any("share link" in e for e in errors(at))
    assert param(at, "s") == "not-a-real-link"  # not overwritten with the example's link
    assert param(at, "lang") == "en"
    enter(at, "c0_size", "70")  # the user moves on: the address is a link of what they see
    assert param(at, "s") == encode_link(with_cohort(example(), size=70))
    assert not any("share link" in e for e in errors(at))


def test_a_broken_comparison_in_the_link_says_so_and_keeps_the_address():
    token = encode_compare([("A", example())])
    cut = token[:-15]
    at = start(s=encode_link(example()), c=cut)
    no_crash(at)
    assert any("Sammenligningen i delingslinket kunne ikke åbnes" in e for e in errors(at))
    assert at.session_state["compare"] == []
    assert param(at, "c") == cut


def test_a_label_survives_another_view_and_a_language_switch():
    at = two_compared()
    at.text_input(key="compare_label_1").input("Forsigtigt").run()
    at.segmented_control(key="view").set_value("results").run()  # the label fields are not drawn now
    assert [label for label, _ in decode_compare(param(at, "c"))][1] == "Forsigtigt"
    at.segmented_control(key="lang").set_value("en").run()
    at.segmented_control(key="view").set_value("compare").run()
    no_crash(at)
    assert at.text_input(key="compare_label_1").value == "Forsigtigt"
    assert [b.label for b in at.button if b.key == "compare_load_1"] == ["Load B"]
