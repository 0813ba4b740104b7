"""What a chapter notebook talks to: the report's run context (``context.open_report``),
tables, charts and the chapters' own helpers (``chapters/``), in Swedish."""
