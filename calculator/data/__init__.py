"""The data the model reads: dated parameters, municipalities, evidence presets, the optimism-bias table."""
