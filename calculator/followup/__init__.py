"""Follow-up of an adopted business case: actual figures against the plan, the gap, and a re-forecast.

- :mod:`calculator.followup.actuals`: the table of actual figures, read from CSV or Excel or typed
  in, checked row by row (one line per bad row, in the user's language);
- :mod:`calculator.followup.template`: the template to fill in;
- :mod:`calculator.followup.baseline` and :mod:`calculator.followup.plan`: the plan per period,
  gross (baseline + the model's extra people in jobs), because the counts are gross;
- :mod:`calculator.followup.core`: plan against actual per period and cumulatively;
- :mod:`calculator.followup.reforecast`: the rest of the horizon from the actual figures so far;
- :mod:`calculator.followup.service`: the same with the scenario library (adopt, import, follow up).
"""

from calculator.followup.actuals import COLUMNS, HEADERS, MEASURES, ActualInput, ActualsFile, check_rows, parse_actuals
from calculator.followup.baseline import Baseline, CohortBaseline, cohort_baselines, parse_baseline
from calculator.followup.core import FollowUp, PeriodComparison, follow_up
from calculator.followup.periods import MONTH, QUARTER, Period, horizon_periods, parse_period
from calculator.followup.plan import Plan, make_plan
from calculator.followup.reforecast import Reforecast, effect_factor, reforecast
from calculator.followup.service import (
    FollowUpInputError,
    adopt,
    check_baseline,
    enter_actuals,
    follow_up_scenario,
    import_actuals,
)
from calculator.followup.template import template_csv, template_xlsx, write_template

__all__ = [
    "COLUMNS", "HEADERS", "MEASURES", "MONTH", "QUARTER", "ActualInput", "ActualsFile", "Baseline", "CohortBaseline", "FollowUp",
    "FollowUpInputError", "PeriodComparison", "Period", "Plan", "Reforecast", "adopt", "check_baseline", "check_rows",
    "cohort_baselines", "effect_factor", "enter_actuals", "follow_up", "follow_up_scenario", "horizon_periods", "import_actuals",
    "make_plan", "parse_actuals", "parse_baseline", "parse_period", "reforecast", "template_csv", "template_xlsx", "write_template",
]
