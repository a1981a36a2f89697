"""sources: where mentions come from. One plugin per kind of source, behind one interface."""

from ascua.sources.base import Source, SourceContext, SourceUnavailable, source_class

__all__ = ["Source", "SourceContext", "SourceUnavailable", "source_class"]
