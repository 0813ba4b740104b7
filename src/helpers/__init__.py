"""Lokal kompetensanalys: the yearly local competence-needs report for Swedish municipalities.

The package is flat: each module does one thing (see docs/architecture.md).
Notebooks import what they need, e.g. ``from helpers import text, charts``.
"""

__version__ = "0.1.0"
