"""Kompetenz: an offline course in AI literacy for school staff."""

__version__ = "0.1.0"
