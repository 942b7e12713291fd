"""YAML read safely (plain data, never Python objects) and strictly (a duplicate key is an error)."""

from __future__ import annotations

import yaml


class ParameterError(ValueError):
    """A data file or lookup that cannot be trusted; the message is in Danish."""


class DuplicateKeyError(ParameterError):
    """A key written twice in one mapping: ``key`` as written and its (1-based) ``line``."""

    def __init__(self, key: str, line: int):
        super().__init__(f"dobbelt nøgle '{key}' (linje {line})")
        self.key = key
        self.line = line


class AliasError(ParameterError):
    """An alias (``*name``) where aliases are refused: nine nested aliases expand into 387 million values."""

    def __init__(self, line: int):
        super().__init__(f"YAML-alias (linje {line})")
        self.line = line


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys (PyYAML keeps the last one silently)."""

    allow_aliases = True

    def compose_node(self, parent, index):
        if not self.allow_aliases and self.check_event(yaml.AliasEvent):
            raise AliasError(self.peek_event().start_mark.line + 1)
        return super().compose_node(parent, index)


class _NoAliasLoader(_StrictLoader):
    allow_aliases = False


def _no_duplicates(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            hash(key)
        except TypeError:  # "? [a, b]": a list as a key
            raise yaml.constructor.ConstructorError("while constructing a mapping", node.start_mark,
                                                    "found an unhashable key", key_node.start_mark) from None
        if (type(key), key) in seen:  # by type too: 1 and true are equal in Python, not in the file
            shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else key  # as written, not a repr
            raise DuplicateKeyError(str(shown), key_node.start_mark.line + 1)
        seen.add((type(key), key))
    return loader.construct_mapping(node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def load_yaml_strict(text: str, aliases: bool = True):
    """Parse YAML safely (no object construction) and refuse duplicate keys; ``aliases=False`` refuses
    anchors and aliases too (a file from outside: a few nested aliases expand into millions of values)."""
    loader = (_StrictLoader if aliases else _NoAliasLoader)(text)  # a SafeLoader: plain data only, never Python objects
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
