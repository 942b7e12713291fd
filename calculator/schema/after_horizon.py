"""The optional effect after the horizon: the share of the effect that remains per year, for a number of years.

Off unless entered (``options.after_horizon``), so no existing figure changes. Its value is
computed by :mod:`calculator.results.after_horizon` and shown beside the horizon's result, never
added to its net or NPV.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from calculator.schema.types import Input, Share


class AfterHorizon(Input):
    share_per_year: Share  # of the extra people in jobs at the horizon's end, the share still in a job a year later
    years: Annotated[int, Field(ge=1, le=30)] = 5
