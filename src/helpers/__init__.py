"""Lokal kompetensanalys: the yearly local competence-needs report for Swedish municipalities.

Subpackages by what they do, imported one way only (docs/architecture.md draws it):
``common`` → ``config`` → ``stats`` → ``fetch`` → ``survey`` → ``analysis`` → ``report`` →
``build`` → ``cli``. Notebooks import what they need, e.g.
``from helpers.report.context import open_report``.
"""

__version__ = "0.1.0"
