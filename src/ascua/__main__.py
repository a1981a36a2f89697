"""``python -m ascua`` is the ``ascua`` command."""

from ascua.cli import entrypoint

if __name__ == "__main__":  # worker processes import this module again: do not start a second command
    entrypoint()
