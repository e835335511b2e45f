"""Kronika's benchmarks: synthetic mirrors and archives, one command per measurement, results in BENCHMARKS.md."""
