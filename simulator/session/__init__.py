"""A live call: turn loop, status, holds, capture, journal, hints, outcome and scoring."""
