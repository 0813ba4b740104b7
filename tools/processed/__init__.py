"""Build ``data/processed/`` from ``data/raw/``: ``make processed`` (``python -m processed``).

The report reads the processed tables through ``helpers.stats``; only developers rebuild
them, when a raw file or a build rule changes. Each builder writes its tables and a manifest
with the checksums of the tables and of the raw files they came from; the tests rebuild them
and compare byte for byte with the committed ones.

- ``education``: MYH's yearly workbooks → ``education/yh_programmes.csv``, ``yh_courses.csv``;
- ``title_lookup``: Arbetsförmedlingen's occupation taxonomy →
  ``classifications/ssyk_title_lookup_v<N>.csv``.
"""
