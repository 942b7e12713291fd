"""The input panels: scenario settings (sidebar), the cohorts with their effect, and the costs.

- :mod:`ui.inputs.scenario`: name, municipality, period, tax and discount rate, tax options;
- :mod:`ui.inputs.cohorts`: the cohort picker, one cohort's people and job, add and remove;
- :mod:`ui.inputs.effect`: the evidence presets and the effect in its three forms;
- :mod:`ui.inputs.costs`: staff, offers, one-off and wage subsidy.

Every widget has a stable key (listed in :mod:`ui.state`) and no default of its own: its value
lives in session state, set from a scenario by :func:`ui.state.load_scenario_into`.
"""

from .cohorts import COHORT_PICKER, cohorts
from .costs import costs, general_problems
from .scenario import scenario_settings

__all__ = ["COHORT_PICKER", "cohorts", "costs", "general_problems", "scenario_settings"]
