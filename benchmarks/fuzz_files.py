"""Fuzz run: generated scenario files (valid, hostile and broken) through run, analyse and export, in-process.

Run: python -m benchmarks.fuzz_files [--files 10000] [--workers 2] [--pdf-every 50] [--seed 0] [--keep DIR]

Each file comes from the strategies in ``tests/fuzzing.py`` (the suite's fuzz test draws from the
same ones, with a small budget) and goes through ``run``, ``run --json --csv``, ``analyse --json``
and ``export --csv-dir --xlsx`` (and ``--pdf`` for every ``--pdf-every``-th file), the command
line's own entry point called in-process with strict UTF-8 output streams. Counted: exceptions that
escape (tracebacks), exit codes other than 0 and 2, NaN or infinity in any output, JSON that is not
strict. Prints the count per kind of problem and exits 1 if there was any. ``--keep DIR`` keeps the
files that had a problem. Files are drawn with a fixed seed per worker, so a run is reproducible.
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def _worker(job: tuple[int, int, int, int, str | None]) -> tuple[int, dict[str, int], dict[str, int], list[str]]:
    from fuzzing import check_file, scenario_file
    from hypothesis import HealthCheck, Phase, given, seed, settings

    worker, files, pdf_every, base_seed, keep = job
    counts: collections.Counter[str] = collections.Counter()
    outcomes: collections.Counter[str] = collections.Counter()
    examples: list[str] = []
    done = 0

    @seed(base_seed * 1000 + worker)
    @settings(max_examples=files, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(scenario_file())
    def one(file: tuple[str, bytes]) -> None:
        nonlocal done
        suffix, data = file
        with tempfile.TemporaryDirectory() as folder:
            problems = check_file(suffix, data, Path(folder), pdf=pdf_every > 0 and done % pdf_every == 0)
            outcomes["ok" if any((Path(folder) / "export").glob("*.csv")) else "refused"] += 1
        for p in problems:
            kind = p.split(":")[0] if p.startswith("traceback") else p[:60]
            counts[kind] += 1
            if len(examples) < 20:
                examples.append(f"{p}\n    file: {data[:300]!r}")
        if problems and keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            Path(keep, f"w{worker}_{done}{suffix}").write_bytes(data)
        done += 1
        if done % 1000 == 0:
            print(f"worker {worker}: {done} files, {sum(counts.values())} problems", file=sys.stderr, flush=True)

    one()
    return done, dict(counts), dict(outcomes), examples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pdf-every", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", help="folder for the files that had a problem")
    args = parser.parse_args(argv)
    per = [args.files // args.workers + (1 if i < args.files % args.workers else 0) for i in range(args.workers)]
    jobs = [(i, n, args.pdf_every, args.seed, args.keep) for i, n in enumerate(per)]
    t0 = time.perf_counter()
    if args.workers > 1:
        with multiprocessing.get_context("spawn").Pool(args.workers) as pool:
            results = pool.map(_worker, jobs)
    else:
        results = [_worker(jobs[0])]
    files = sum(r[0] for r in results)
    counts: collections.Counter[str] = collections.Counter()
    outcomes: collections.Counter[str] = collections.Counter()
    for _, c, o, _ in results:
        counts.update(c)
        outcomes.update(o)
    tracebacks = sum(n for k, n in counts.items() if k.startswith("traceback"))
    print(f"{files} files in {time.perf_counter() - t0:.0f} s: {outcomes['ok']} exported, {outcomes['refused']} refused "
          f"with a message; {tracebacks} tracebacks, {sum(counts.values()) - tracebacks} other problems")
    for kind, n in counts.most_common():
        print(f"  {n:6d}  {kind}")
    for r in results:
        for example in r[3][:5]:
            print(example)
    return 1 if counts else 0


if __name__ == "__main__":
    sys.exit(main())
