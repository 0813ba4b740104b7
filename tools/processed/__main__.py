"""``python -m processed [education|title_lookup]`` (``make processed``): rebuild data/processed."""

from __future__ import annotations

import argparse

from processed import education, title_lookup

BUILDERS = {"education": education.main, "title_lookup": title_lookup.main}


def main(argv: list[str] | None = None) -> int:
    """Rebuild the processed tables (all, or the ones named)."""
    parser = argparse.ArgumentParser(prog="python -m processed", description=__doc__)
    parser.add_argument("only", nargs="*", help=f"some of {', '.join(BUILDERS)} (default: all)")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.only) - set(BUILDERS))
    if unknown:
        parser.error(f"unknown: {', '.join(unknown)}; choose from {', '.join(BUILDERS)}")
    for name in args.only or BUILDERS:
        BUILDERS[name]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
