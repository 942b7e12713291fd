"""Business-case calculator for municipal employment efforts for immigrants (pure Python, no UI)."""

from calculator.model import calculate
from calculator.schema import Scenario, load_scenario
from calculator.version import __version__

__all__ = ["calculate", "Scenario", "load_scenario", "__version__"]
