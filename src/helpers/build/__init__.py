"""Turning the chapters into a report: the kernel, papermill, HTML and PDF, the published
folder, batches of areas and whether a report is up to date."""
