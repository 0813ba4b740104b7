"""Helpers of the report's chapters: the figures, charts and sentences each chapter shows."""
