"""Median time of one scenario: 4 cohorts (all three effect forms) over 120 months.

Run: python -m benchmarks.model_speed [--repeat N]
Times validation, the model (calculate) with its summary, and the tidy monthly table separately,
because the app and the Monte Carlo need the first two and only exports need the table.
"""

from __future__ import annotations

import argparse
import statistics
import time

from calculator import calculate
from calculator.export.tables import monthly_tidy_table
from calculator.schema import Scenario

SCENARIO = {
    "name": "Benchmark: 4 målgrupper, 120 måneder",
    "municipality": "Aarhus",
    "budget_year": 2026,
    "horizon_months": 120,
    "cohorts": [
        {"name": "Ægtefælleforsørgede", "type": "aegtefaelleforsoerget", "size": 60, "programme_year": 2,
         "effect": {"form": "ekstra_i_job", "extra_people": 18, "from_month": 4, "duration_months": 48},
         "danish_test_passes": 5},
        {"name": "Aktivitetsparate", "type": "aktivitetsparat", "size": 40, "benefit": "forhoejet_sats",
         "supplements": ["boernetillaeg"], "prior_weeks_on_benefit": 156,
         "effect": {"form": "andel_i_job", "share_with": 0.15, "share_without": 0.09, "by_month": 12,
                    "exit_rate": 0.03, "start_delay_months": 2}},
        {"name": "Jobparate", "type": "jobparat", "size": 30, "prior_weeks_on_benefit": 10,
         "effect": {"form": "kortere_ydelse", "weeks_shorter": 17, "from_month": 3}},
        {"name": "Nyankomne", "type": "nyankommen", "size": 25,
         "effect": {"form": "andel_i_job", "share_with": 0.35, "share_without": 0.25, "by_month": 24}},
    ],
    "costs": {"staff_fte": 3, "staff_cost_per_fte_year": 600000, "offer_cost_per_participant_month": 1200,
              "offer_months": 12, "one_off": 100000, "wage_subsidy_persons": 10},
}


def median_ms(fn, repeat: int) -> float:
    fn()  # warm caches (parameter files, imports) once, as the app does at start
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=300)
    args = parser.parse_args()
    scenario = Scenario.model_validate(SCENARIO)
    validate = median_ms(lambda: Scenario.model_validate(SCENARIO), args.repeat)
    model = median_ms(lambda: calculate(scenario).summary, args.repeat)
    table = median_ms(lambda: monthly_tidy_table(calculate(scenario)), max(args.repeat // 10, 10))
    print(f"validation:              {validate:.3f} ms (median of {args.repeat})")
    print(f"model + summary:         {model:.3f} ms (median of {args.repeat})")
    print(f"model + tidy table:      {table:.3f} ms")


if __name__ == "__main__":
    main()
