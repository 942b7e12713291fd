"""Validation errors in the user's language: one line per problem, naming the field and the bad value.

pydantic's own messages are English and name fields by their code names. Here each error is
turned into a :class:`Problem` with the field's path (so a UI can point at the widget), a
readable label ("Målgruppe 1 › Størrelse") and a message in Danish or English that quotes the
value the user typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("Navn", "Name"),
    "description": ("Beskrivelse", "Description"),
    "municipality": ("Kommune", "Municipality"),
    "budget_year": ("Budgetår", "Budget year"),
    "start_month": ("Startmåned", "Start month"),
    "horizon_months": ("Tidshorisont (måneder)", "Horizon (months)"),
    "discount_rate": ("Diskonteringsrente", "Discount rate"),
    "municipal_tax_rate": ("Kommuneskatteprocent", "Municipal tax rate"),
    "options": ("Valg", "Options"),
    "udligning": ("Efter udligning", "After equalisation"),
    "weak_tax_base": ("Svagt skattegrundlag", "Weak tax base"),
    "spouse_personfradrag_used": ("Personfradrag brugt af ægtefællen", "Personal allowance used by spouse"),
    "tax_lag_years": ("Forsinkelse af skatten (år)", "Tax lag (years)"),
    "overrides": ("Egne tal", "Own figures"),
    "cohorts": ("Målgruppe", "Cohort"),
    "type": ("Type", "Type"),
    "size": ("Antal personer", "Number of people"),
    "benefit": ("Ydelse", "Benefit"),
    "supplements": ("Tillæg", "Supplements"),
    "monthly_benefit": ("Ydelse pr. måned", "Benefit per month"),
    "prior_weeks_on_benefit": ("Uger på ydelse før start", "Weeks on benefit before start"),
    "programme_share": ("Andel i integrationsprogrammet", "Share in the integration programme"),
    "programme_year": ("År i integrationsprogrammet", "Year in the integration programme"),
    "boligsikring_share": ("Andel med boligsikring", "Share with housing support"),
    "friplads_share": ("Andel med fripladstilskud", "Share with daycare subsidy"),
    "wage_per_hour": ("Timeløn", "Hourly wage"),
    "hours_per_week": ("Timer pr. uge", "Hours per week"),
    "effect": ("Effekt", "Effect"),
    "form": ("Effektform", "Effect form"),
    "extra_people": ("Ekstra i job", "Extra people in jobs"),
    "from_month": ("Fra måned", "From month"),
    "duration_months": ("Varighed (måneder)", "Duration (months)"),
    "share_with": ("Andel i job med indsats", "Share in jobs with the effort"),
    "share_without": ("Andel i job uden indsats", "Share in jobs without the effort"),
    "by_month": ("Målt i måned", "Measured in month"),
    "exit_rate": ("Jobafgang pr. måned", "Job exit per month"),
    "start_delay_months": ("Opstartsperiode (måneder)", "Start delay (months)"),
    "weeks_shorter": ("Uger kortere på ydelse", "Weeks shorter on benefit"),
    "effect_source": ("Effekt fra kilderne", "Effect from the evidence"),
    "danish_test_passes": ("Ekstra beståede danskprøver", "Extra Danish tests passed"),
    "danish_test_month": ("Måned for danskprøve", "Month of the Danish test"),
    "costs": ("Omkostninger", "Costs"),
    "staff_fte": ("Årsværk", "Staff (FTE)"),
    "staff_cost_per_fte_year": ("Årlig udgift pr. årsværk", "Yearly cost per FTE"),
    "staff_months": ("Måneder med personale", "Staff months"),
    "offer_cost_per_participant_month": ("Tilbud pr. deltagermåned", "Offers per participant-month"),
    "offer_months": ("Måneder med tilbud", "Offer months"),
    "offer_participants": ("Deltagere i tilbud", "Participants in offers"),
    "one_off": ("Engangsudgifter", "One-off costs"),
    "wage_subsidy_persons": ("Personer i løntilskud", "People in wage subsidy"),
    "wage_subsidy_hours_per_week": ("Løntilskud, timer pr. uge", "Wage subsidy hours per week"),
    "wage_subsidy_rate_per_hour": ("Løntilskud pr. time", "Wage subsidy per hour"),
    "wage_subsidy_months": ("Måneder med løntilskud", "Wage subsidy months"),
    "wage_subsidy_from_month": ("Løntilskud fra måned", "Wage subsidy from month"),
}

# Effect variants appear in pydantic's path by their tag; they add nothing for the user.
_SKIP = {"ekstra_i_job", "andel_i_job", "kortere_ydelse"}

_TEMPLATES: dict[str, tuple[str, str]] = {
    "missing": ("skal udfyldes", "is required"),
    "extra_forbidden": ("ukendt felt (stavefejl?)", "unknown field (typo?)"),
    "greater_than_equal": ("skal være mindst {ge} (fik {input})", "must be at least {ge} (got {input})"),
    "greater_than": ("skal være større end {gt} (fik {input})", "must be greater than {gt} (got {input})"),
    "less_than_equal": ("må højst være {le} (fik {input})", "must be at most {le} (got {input})"),
    "less_than": ("skal være mindre end {lt} (fik {input})", "must be less than {lt} (got {input})"),
    "int_parsing": ("skal være et helt tal (fik {input})", "must be a whole number (got {input})"),
    "int_from_float": ("skal være et helt tal (fik {input})", "must be a whole number (got {input})"),
    "int_type": ("skal være et helt tal (fik {input})", "must be a whole number (got {input})"),
    "float_parsing": ("skal være et tal (fik {input})", "must be a number (got {input})"),
    "float_type": ("skal være et tal (fik {input})", "must be a number (got {input})"),
    "bool_parsing": ("skal være ja eller nej (fik {input})", "must be yes or no (got {input})"),
    "bool_type": ("skal være ja eller nej (fik {input})", "must be yes or no (got {input})"),
    "string_type": ("skal være tekst (fik {input})", "must be text (got {input})"),
    "string_too_short": ("må ikke være tom", "must not be empty"),
    "string_too_long": ("er for lang (højst {max_length} tegn)", "is too long (at most {max_length} characters)"),
    "too_short": ("skal have mindst {min_length}", "needs at least {min_length}"),
    "too_long": ("må højst have {max_length}", "may have at most {max_length}"),
    "literal_error": ("skal være en af {expected} (fik {input})", "must be one of {expected} (got {input})"),
    "union_tag_invalid": ("ukendt effektform {tag}; brug {expected_tags}", "unknown effect form {tag}; use {expected_tags}"),
    "union_tag_not_found": ("angiv effektform (form: ekstra_i_job, andel_i_job eller kortere_ydelse)",
                            "give the effect form (form: ekstra_i_job, andel_i_job or kortere_ydelse)"),
    "dict_type": ("skal være en tabel", "must be a mapping"),
    "list_type": ("skal være en liste", "must be a list"),
    "model_type": ("skal være en tabel med felter", "must be a mapping of fields"),
    "finite_number": ("skal være et endeligt tal (fik {input})", "must be a finite number (got {input})"),
}

# English for the Danish cross-field messages raised in calculator.scenario (same context keys).
_CUSTOM_EN: dict[str, str] = {
    "effect_order": "the share in jobs with the effort ({share_with}) is lower than without ({share_without})",
    "effect_delay": "the start delay ({delay} months) must be shorter than the target month ({month})",
    "effect_too_large": "{extra} extra people in jobs is more than the cohort's {size} people",
    "tests_too_many": "{passes} Danish tests passed is more than the cohort's {size} people",
    "unknown_municipality": "unknown municipality {name}",
    "unknown_parameter": "unknown parameter {name}",
    "unknown_preset": "unknown evidence preset {name}",
    "duplicate_cohort": "the cohort name {name} is used more than once",
}


@dataclass(frozen=True)
class Problem:
    loc: tuple  # pydantic's path, e.g. ("cohorts", 0, "size")
    field: str  # readable label
    message: str

    def line(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


def _show(value) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        return "…"
    return str(value)


def field_label(loc: tuple, lang: str = "da") -> str:
    i = 0 if lang == "da" else 1
    parts = []
    for p in loc:
        if p in _SKIP:
            continue
        if isinstance(p, int):
            if parts:
                parts[-1] = f"{parts[-1]} {p + 1}"
            continue
        parts.append(FIELD_LABELS.get(p, (p, p))[i])
    return " › ".join(parts)


def problems(exc: ValidationError, lang: str = "da") -> list[Problem]:
    out = []
    i = 0 if lang == "da" else 1
    for err in exc.errors():
        loc = tuple(err["loc"])
        kind = err["type"]
        ctx = {k: v if isinstance(v, str) else _show(v) for k, v in (err.get("ctx") or {}).items()}
        ctx["input"] = _show(err.get("input"))
        if lang == "da" and "expected" in ctx:
            ctx["expected"] = ctx["expected"].replace(" or ", " eller ")
        if lang == "en" and kind in _CUSTOM_EN:
            message = _CUSTOM_EN[kind].format(**ctx)
        elif kind in _TEMPLATES:
            try:
                message = _TEMPLATES[kind][i].format(**ctx)
            except (KeyError, IndexError):
                message = _TEMPLATES[kind][i].split(" (")[0]
        else:
            # Our own PydanticCustomError messages are already in Danish and quote the value.
            message = err["msg"].removeprefix("Value error, ")
        out.append(Problem(loc=loc, field=field_label(loc, lang), message=message))
    return out


def problem_lines(exc: ValidationError, lang: str = "da") -> list[str]:
    return [p.line() for p in problems(exc, lang)]
