"""Element ``data_management`` in a collections call where no data changed hands but the debt
was told.

Why: the unlisted reading (``data_unlisted``) applies the element only when data was asked,
given or acted on, and leaves it out otherwise. In collections a QA lead also judges it on the
right-party contact (DOMAIN.md, collections: "confirm you speak with the debtor before any
detail"; the typical form's "identity validation"): when the agent told the debt or the account's
state, the element applies, and is met only when a datum beyond the name was asked first —
anyone who answers to a name may be a namesake or a relative.

Left as before: other kinds (a customer who calls about their own balance is a different case,
``tests/unit/test_done_well.py``), and a confirmed «¿hablo con…?» or a listener who says they are
not the holder with nothing of the account told — on dev the experts leave the element out there
(tried: 4 calls of 4 sources disagreed). Issue 12 (helper score-p).
"""

from __future__ import annotations

from collections.abc import Callable

from simulator.analysis import conduct
from simulator.models.scorecard import ElementResult
from simulator.scoring.context import CallContext
from simulator.scoring.judged import Judged, dedupe, phrasings

VERIFY_BEFORE_DETAIL = (
    "Validar la identidad del titular con un dato (además del nombre) antes de comentar datos de "
    "su cuenta o su adeudo"
)


def judge(ctx: CallContext, validated: Callable[[int], bool]) -> Judged | None:
    """The element read on the account told, or None when nothing of it was told.
    ``validated(a)``: the listener's identity was validated before agent turn ``a``."""
    if ctx.kind != "collections":
        return None
    told = [
        a
        for a in ctx.agent_turns
        if conduct.states_account_detail(ctx.text(a))
        and not conduct.refuses_disclosure(ctx.text(a))
    ]
    if not told:
        return None
    return _result(ctx, validated(told[0]), [told[0]])


def _result(ctx: CallContext, met: bool, turns: list[int]) -> Judged:
    missing = [] if met else [VERIFY_BEFORE_DETAIL]
    better = None if met else str(phrasings()["verify_first"])
    evidence = dedupe([ctx.evidence(n) for n in sorted(set(turns))])
    result = Judged(
        ElementResult(met=met, evidence=evidence, missing=missing, better_phrasing=better),
        1.0 if met else 0.0,
    )
    result.facts.update(identity_only=True)
    return result
