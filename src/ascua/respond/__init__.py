"""respond: alerts and their notifications (the crisis room and plan build on these)."""
