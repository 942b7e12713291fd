"""Starting points per cohort type (``defaults/rules/cohort_types.yaml``): benefit, programme share, weeks
already on benefit, and the months the person would stay on benefit without the effort."""

from __future__ import annotations

from functools import lru_cache

from calculator.data.parameters import DEFAULTS_DIR
from calculator.data.yaml_strict import load_yaml_strict

COHORT_TYPES_FILE = DEFAULTS_DIR / "rules" / "cohort_types.yaml"
FIELDS = ("benefit", "programme_share", "prior_weeks_on_benefit", "remaining_months")


@lru_cache(maxsize=1)
def cohort_defaults() -> dict[str, dict]:
    """Cohort type -> its defaults (validated: every type has every field)."""
    raw = load_yaml_strict(COHORT_TYPES_FILE.read_text(encoding="utf-8"))
    types = raw["types"]
    for name, values in types.items():
        if set(values) != set(FIELDS):
            raise ValueError(f"{COHORT_TYPES_FILE.name}: {name} skal have netop {', '.join(FIELDS)}")
    return types


def cohort_defaults_source() -> dict:
    raw = load_yaml_strict(COHORT_TYPES_FILE.read_text(encoding="utf-8"))
    return {"status": raw["status"], **raw["source"]}
