"""The effect a user enters for a cohort, in one of three forms (see :mod:`calculator.rules.effect_path`)."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, model_validator

from calculator.schema.types import Input, Month, Share, input_error


class ExtraInJob(Input):
    """(a) KL style: X more people in ordinary jobs from month m, for d months."""

    form: Literal["ekstra_i_job"] = "ekstra_i_job"
    extra_people: Annotated[float, Field(ge=0.0, le=100_000)]
    from_month: Month = 1
    duration_months: Annotated[int, Field(ge=1, le=240)] = 12


class ShareInJob(Input):
    """(b) Share in ordinary jobs by month M with the effort vs without it, with a monthly job-exit rate.

    Both paths start with nobody in a job. Each is a constant monthly job-entry rate, solved so
    that the path reaches its share at month M; people leave jobs at ``exit_rate`` a month. The
    effort's path starts only after ``start_delay_months`` (lock-in: no entries while in the offer).
    """

    form: Literal["andel_i_job"] = "andel_i_job"
    share_with: Share
    share_without: Share
    by_month: Month = 12
    exit_rate: Annotated[float, Field(ge=0.0, le=0.5)] = 0.02
    start_delay_months: Annotated[int, Field(ge=0, le=60)] = 0

    @model_validator(mode="after")
    def _ordered(self):
        if self.share_with < self.share_without:
            raise input_error(
                "effect_order",
                "the share in jobs with the effort ({share_with}) is lower than without ({share_without})",
                share_with=self.share_with, share_without=self.share_without,
            )
        if self.start_delay_months >= self.by_month and self.share_with > 0:
            raise input_error(
                "effect_delay",
                "the start delay ({delay} months) must be shorter than the target month ({month})",
                delay=self.start_delay_months, month=self.by_month,
            )
        return self


class ShorterBenefit(Input):
    """(c) Time on benefit shortened by W weeks per participant: each leaves benefit for a job W weeks sooner.

    The weeks saved are the last weeks of the spell: without the effort the person would stay on
    benefit ``remaining_months`` from ``from_month`` (None: the cohort type's default), with it W
    weeks less, so the saving falls in the months before the spell would have ended.
    """

    form: Literal["kortere_ydelse"] = "kortere_ydelse"
    weeks_shorter: Annotated[float, Field(ge=0.0, le=520)]
    from_month: Month = 1
    remaining_months: Annotated[int, Field(ge=0, le=240)] | None = None


Effect = Annotated[Union[ExtraInJob, ShareInJob, ShorterBenefit], Field(discriminator="form")]
