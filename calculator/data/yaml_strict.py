"""YAML read safely (plain data, never Python objects) and strictly (a duplicate key is an error)."""

from __future__ import annotations

import yaml


class ParameterError(ValueError):
    """A data file or lookup that cannot be trusted; the message is in Danish."""


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys (PyYAML keeps the last one silently)."""


def _no_duplicates(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else key  # as written, not a repr
            raise ParameterError(f"dobbelt nøgle '{shown}' (linje {key_node.start_mark.line + 1})")
        seen.add(key)
    return loader.construct_mapping(node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def load_yaml_strict(text: str):
    """Parse YAML safely (no object construction) and refuse duplicate keys."""
    loader = _StrictLoader(text)  # a SafeLoader: plain data only, never Python objects
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
