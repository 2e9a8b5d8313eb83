"""TUI tests (Pilot + snapshots)."""
