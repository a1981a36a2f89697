"""``python -m ascua`` is the ``ascua`` command."""

from ascua.cli import entrypoint

entrypoint()
