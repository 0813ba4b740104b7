"""Lokal kompetensanalys: the yearly local competence-needs report for Swedish municipalities.

Subpackages by what they do, imported one way only (docs/architecture.md draws it):
``common`` → ``config`` → ``stats`` → ``fetch`` → ``survey`` → ``analysis`` → ``report`` →
``build`` → ``cli``. Notebooks import what they need, e.g.
``from helpers.report.context import open_report``.
"""

import sys

__version__ = "0.1.0"

# nbformat validates notebooks with jsonschema, which imports rfc3987_syntax when it is
# installed (Jupyter's own dependencies bring it) to check "iri" formats that the notebook
# schema never uses. That import compiles a grammar: 0,8 s of every report's start, more than
# all of nbformat. Marked absent here, jsonschema just leaves that one format unchecked.
sys.modules.setdefault("rfc3987_syntax", None)
