"""The evidence presets (``defaults/presets/evidence.yaml``): read strictly, validated by :mod:`calculator.schema.preset`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from calculator.data.parameters import DEFAULTS_DIR
from calculator.data.yaml_strict import ParameterError, load_yaml_strict
from calculator.schema.preset import Preset, PresetFile

PRESETS_FILE = DEFAULTS_DIR / "presets" / "evidence.yaml"


class PresetError(ValueError):
    """The presets file cannot be trusted; the message names the file and the problem (Danish)."""


def parse_presets(text: str, origin: str = "evidence.yaml") -> tuple[Preset, ...]:
    try:
        raw = load_yaml_strict(text)
    except ParameterError as exc:
        raise PresetError(f"{origin}: {exc}") from None
    except Exception as exc:  # yaml.YAMLError: one line, naming the file
        raise PresetError(f"{origin}: ikke gyldig YAML ({str(exc).splitlines()[0]})") from None
    try:
        return tuple(PresetFile.model_validate(raw).presets)
    except ValidationError as exc:
        parts = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        raise PresetError(f"{origin}: " + "; ".join(parts)) from None


def load_presets_from(path: Path) -> tuple[Preset, ...]:
    return parse_presets(path.read_text(encoding="utf-8"), origin=str(path))


@lru_cache(maxsize=1)
def load_presets() -> tuple[Preset, ...]:
    """The project's presets (cached: read-only data shipped with the code)."""
    return load_presets_from(PRESETS_FILE)


def preset_by_id(preset_id: str) -> Preset:
    for p in load_presets():
        if p.id == preset_id:
            return p
    raise KeyError(f"ukendt forudindstilling: {preset_id}")
