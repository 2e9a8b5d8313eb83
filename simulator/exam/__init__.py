"""Certification self-assessment (modo evaluación): the knowledge questionnaire, the product checklist
(lista de cotejo) and the verdict per element, as the evaluator of the standard reaches them.

Headless: the TUI and the CLI reach it through ``services.exam``; the portfolio export reads its
results. Nothing here reads files at import; the data (plan texts, question bank) is in ``es/``.
"""
