"""Business-case calculator for municipal employment efforts for immigrants (pure Python, no UI)."""

__version__ = "0.1.0"

from calculator.model import calculate
from calculator.schema import Scenario, load_scenario

__all__ = ["calculate", "Scenario", "load_scenario", "__version__"]
