"""A one-line reproducibility stamp: which model, which parameter set, which scenario.

Printed on screen and in exports so a figure in a council paper can be traced back: the model
version (``calculator.__version__``), the latest valid-from date in the parameter set, and a short
hash of the scenario (the first 10 hex digits of SHA-256 over :meth:`Scenario.canonical_json`).
Two people who see the same stamp computed the same thing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from calculator.data.parameters import ParameterSet, load_parameters
from calculator.schema import Scenario
from calculator.version import __version__

HASH_LENGTH = 10


def scenario_hash(scenario: Scenario) -> str:
    """First 10 hex digits of SHA-256 over the scenario's canonical JSON (UTF-8)."""
    return hashlib.sha256(scenario.canonical_json().encode("utf-8")).hexdigest()[:HASH_LENGTH]


@dataclass(frozen=True)
class Stamp:
    model_version: str
    parameters_date: dt.date
    scenario_hash: str


def stamp(scenario: Scenario, params: ParameterSet | None = None) -> Stamp:
    params = params or load_parameters()
    return Stamp(model_version=__version__, parameters_date=params.latest_valid_from(),
                 scenario_hash=scenario_hash(scenario))
