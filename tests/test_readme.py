"""The README is what a new user follows: its scenario example is valid, and CI runs its test command verbatim."""

from __future__ import annotations

import re
from pathlib import Path

from calculator import calculate
from calculator.schema import Scenario, read_scenario_text

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_scenario_format_example_is_a_valid_scenario():
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", README, flags=re.S) if b.startswith("name:")]
    assert blocks, "the README's scenario format example"
    for block in blocks:
        scenario = Scenario.model_validate(read_scenario_text(block, ".yaml"))
        assert calculate(scenario).summary.participants == sum(c.size for c in scenario.cohorts)


def test_ci_runs_the_readme_test_command_verbatim():
    commands = re.findall(r"```bash\n(python3 -m venv .venv && .*?)\n```", README)
    assert len(commands) == 2, "the two commands on a fresh machine"
    test_command = next(c for c in commands if "pytest" in c)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == test_command
