"""Benchmarks: ``python -m benchmarks --help``. Timings, never asserted in the unit tests."""
