"""Reports and exports: what leaves the program as a file for formadores and QA analysts.

Batch scoring rows and their summary (``batch``), CSV files that spreadsheets open safely
(``tables``), inline SVG charts (``charts``), the trainee and cohort HTML reports rendered with
Jinja2 templates kept as data files under ``templates/`` (``trainee``, ``cohort``, ``html``), the
Markdown coaching plan (``plan_markdown``) and transcript exports (``transcripts``).

The package reads what the services return (it sits above ``simulator.services``, below the CLI and
the TUI) and never opens a database or loads content by itself. Nothing is imported or read at
import time: Jinja2 and the templates load on first use.
"""
