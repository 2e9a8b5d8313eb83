"""Pydantic types shared by every layer: acts, transcripts, scorecards, scenarios, personas."""
