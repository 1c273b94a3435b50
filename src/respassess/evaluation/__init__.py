"""Internals of :mod:`respassess.evaluate`: file reading, span matching, metrics and baselines."""
