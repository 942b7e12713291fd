"""Portfolio: a pool of efforts from the library, added up by calendar year and month, with a combined Monte Carlo.

:mod:`calculator.portfolio.pool` (totals per year and styringsområde, the combined cumulative net,
pay-back within N years, each effort's share), :mod:`calculator.portfolio.uncertainty` (draws per
effort, summed), :mod:`calculator.portfolio.library` (a pool stored in the library).
"""

from calculator.portfolio.library import efforts_from_library
from calculator.portfolio.pool import PAYBACK_YEARS, Effort, EffortFigures, PoolSummary, months_between, pool_summary
from calculator.portfolio.uncertainty import (
    EffortUncertainty,
    PoolMonteCarlo,
    effort_seeds,
    pool_default_draws,
    pool_max_draws,
    pool_montecarlo,
)

__all__ = [
    "PAYBACK_YEARS", "Effort", "EffortFigures", "EffortUncertainty", "PoolMonteCarlo", "PoolSummary", "effort_seeds",
    "efforts_from_library", "months_between", "pool_default_draws", "pool_max_draws", "pool_montecarlo", "pool_summary",
]
