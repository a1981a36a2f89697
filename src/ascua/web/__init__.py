"""web: the dashboard and the JSON API, served by ``ascua run`` and ``ascua serve``."""
