"""Spanish counts in words a user reads: «1 intento», «2 intentos», «0 veces».

One helper for every screen, plan and message that shows a count, so no text says «1 intentos»,
«0 vez/veces» or «error(es)» (ux-c's play of session 17). Spanish uses the plural for every count
but 1 («0 errores», «1 error», «2 errores»).
"""

from __future__ import annotations

# words whose plural is not the regular -s / -es (after a vowel / a consonant)
_IRREGULAR = {"vez": "veces"}
# words that stay as they are («error no crítico» → «errores no críticos»)
_SAME = {"no", "más"}
# a preposition ends the inflected part («error de precio» → «errores de precio»)
_STOP = {"de", "del", "en", "con", "a", "por", "para", "sin"}


def plural_of(word: str) -> str:
    """The plural of one Spanish word (lower case, as used in the app's texts)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("z"):
        return word[:-1] + "ces"
    if word.endswith("ión"):
        return word[:-3] + "iones"
    if word[-1:] in "aeiouáéó":
        return word + "s"
    return word + "es"


def words(count: int, singular: str) -> str:
    """``singular`` (one or more words, each inflected) in the number ``count`` asks for, without
    the count: ``words(2, "error no crítico")`` → «errores no críticos»; from a preposition on
    the words are left as they are («error de precio» → «errores de precio»)."""
    if count == 1:
        return singular
    out: list[str] = []
    frozen = False
    for word in singular.split(" "):
        frozen = frozen or word in _STOP
        out.append(word if frozen or word in _SAME else plural_of(word))
    return " ".join(out)


def count(n: int, singular: str) -> str:
    """«1 intento», «3 intentos», «0 errores no críticos»."""
    return f"{n} {words(n, singular)}"
