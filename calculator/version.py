"""The model's version: printed on every figure's reproducibility stamp."""

__version__ = "0.2.0"
