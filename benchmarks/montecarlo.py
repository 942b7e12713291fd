"""Monte Carlo speed: 10,000 draws against one plain run of the same scenario, measured in one run.

Run: python -m benchmarks.montecarlo [SCENARIO ...] [--draws N] [--rounds R]

The target (issue: uncertainty) is 10,000 draws in at most 50 x the time of one scenario
(calculate + summary). The two are timed interleaved, round after round, in the same process.
Two ratios are printed: of the fastest times (the usual benchmark figure: on a shared machine the
minimum is the time the code needs, everything above it is other work) and of the medians.
Without arguments the scenarios in defaults/scenarios/ are timed.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from calculator import calculate, load_scenario
from calculator.analysis.montecarlo import MonteCarloSpec, run_montecarlo

ROOT = Path(__file__).resolve().parent.parent

TARGET_RATIO = 50


def _time(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def bench(path: Path, draws: int, rounds: int, plain_per_round: int = 60) -> dict[str, float]:
    scenario = load_scenario(path)
    spec = MonteCarloSpec(draws=draws)
    calculate(scenario).summary  # noqa: B018 - warm the parameter caches once, as the app does
    run_montecarlo(scenario, spec)
    plain, mc = [], []
    for _ in range(rounds):
        plain += [_time(lambda: calculate(scenario).summary) for _ in range(plain_per_round)]
        mc.append(_time(lambda: run_montecarlo(scenario, spec)))
    return {"one_min": min(plain), "one_median": statistics.median(plain),
            "mc_min": min(mc), "mc_median": statistics.median(mc)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenarios", nargs="*", type=Path)
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args(argv)
    paths = args.scenarios or sorted((ROOT / "defaults" / "scenarios").glob("*.yaml"))
    worst = 0.0
    print(f"{'scenario':<40}{'one run (min/median)':>24}{f'{args.draws:,} draws (min/median)':>30}{'ratio min':>11}{'ratio med':>11}")
    for path in paths:
        t = bench(path, args.draws, args.rounds)
        ratio, ratio_median = t["mc_min"] / t["one_min"], t["mc_median"] / t["one_median"]
        worst = max(worst, ratio)
        print(f"{path.stem:<40}{t['one_min'] * 1000:>11.3f} /{t['one_median'] * 1000:>7.3f} ms"
              f"{t['mc_min'] * 1000:>17.1f} /{t['mc_median'] * 1000:>7.1f} ms{ratio:>10.1f}x{ratio_median:>10.1f}x")
    print(f"target: at most {TARGET_RATIO}x; worst ratio of the fastest times {worst:.1f}x -> {'met' if worst <= TARGET_RATIO else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
