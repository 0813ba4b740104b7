"""A snapshot as `make fetch` leaves it, built by fetching from the local replay server.

Used by the tests of the loaders that read fetched SCB tables: the fixture data covers Sotenäs
(1427) and Trollhättan (1488) only.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from test_fetch import register_success, settings

from helpers.config import paths
from helpers.fetch import refresh
from helpers.stats import jobads, manifest, yrkesbarometer
from http_replay import ReplayServer

COPIED = ("municipalities.csv", "counties.csv", "kolada_kpi_catalogue.csv", jobads.FILE)


def build(root: Path) -> tuple[Path, Path]:
    """A public and a barometer folder under ``root``, refreshed by a fetch of SCB and the
    barometer (Kolada's refresh goes to ``root/external/kolada``, which nothing here reads)."""
    public, barometer = root / "public", root / "yrkesbarometer"
    public.mkdir(parents=True)
    barometer.mkdir()
    for name in COPIED:
        shutil.copy(paths.PUBLIC / name, public / name)
    shutil.copy(paths.YRKESBAROMETER / yrkesbarometer.PARTIAL_FILE, barometer)
    manifest.update(public, {name: {"source": "test"} for name in manifest.files(public)})
    manifest.update(barometer, {name: {"source": "test"} for name in manifest.files(barometer)})
    with ReplayServer() as server:
        register_success(server)
        refresh.run("scb", settings(server), public, barometer)
        refresh.run("yrkesbarometer", settings(server), public, barometer)
    return public, barometer
