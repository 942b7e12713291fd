"""The command line: ``python -m calculator run|params|analyse|export|explain``."""
