"""Scenario and persona library: find, load, validate (``file:line:`` errors), export schemas."""

from simulator.content.issues import ContentIssue
from simulator.content.library import Library, load_library, validate_dir
from simulator.content.transcripts import apply_scenario

__all__ = ["ContentIssue", "Library", "apply_scenario", "load_library", "validate_dir"]
