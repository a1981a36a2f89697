"""Ascua: a self-hosted social media crisis radar."""

__version__ = "0.1.0"
