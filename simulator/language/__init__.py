"""Spanish text tools: normalization, tokens, numbers, phones, e-mails, names, display names.

Lexicons are data files under ``language/es/`` so another language is another folder.
"""
