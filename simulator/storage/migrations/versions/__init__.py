"""Alembic revision scripts, one per schema change (``NNNN_what.py``)."""
