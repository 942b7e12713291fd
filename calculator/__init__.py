"""Business-case calculator for municipal employment efforts for immigrants (pure Python, no UI)."""

__version__ = "0.1.0"

from .model import calculate  # noqa: E402
from .scenario import Scenario, load_scenario  # noqa: E402

__all__ = ["calculate", "Scenario", "load_scenario", "__version__"]
