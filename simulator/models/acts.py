"""Dialogue-act labels (docs/formats.md §4): English machine keys; display names in display.py."""

from __future__ import annotations

from enum import StrEnum


class AgentAct(StrEnum):
    GREETING = "greeting"
    COMPANY_ID = "company_id"
    AGENT_ID = "agent_id"
    OFFER_HELP = "offer_help"
    OPEN_QUESTION = "open_question"
    CLOSED_QUESTION = "closed_question"
    PARAPHRASE = "paraphrase"
    EMPATHY = "empathy"
    ACKNOWLEDGEMENT = "acknowledgement"
    BENEFIT = "benefit"
    FEATURE = "feature"
    OBJECTION_RESPONSE = "objection_response"
    TRIAL_CLOSE = "trial_close"
    CLOSE = "close"
    DATA_REQUEST = "data_request"
    DATA_CONFIRMATION = "data_confirmation"
    HOLD_REQUEST = "hold_request"
    HOLD_RETURN = "hold_return"
    OFFER_MORE = "offer_more"
    CROSS_SELL = "cross_sell"
    THANKS = "thanks"
    FAREWELL = "farewell"
    DISRESPECT = "disrespect"


class CustomerAct(StrEnum):
    OBJECTION = "objection"
    BUYING_SIGNAL = "buying_signal"
    NEED_STATEMENT = "need_statement"
    QUESTION = "question"
    ACCEPTANCE = "acceptance"
    REFUSAL = "refusal"
    DATA_GIVEN = "data_given"
    COMPLAINT = "complaint"
    OTHER = "other"


class ObjectionType(StrEnum):
    PRICE = "price"
    TIME = "time"
    TRUST = "trust"
    HAS_PROVIDER = "has_provider"
    MUST_CONSULT = "must_consult"
    NOT_INTERESTED = "not_interested"
    DO_NOT_CALL = "do_not_call"


AGENT_ACTS: tuple[str, ...] = tuple(a.value for a in AgentAct)
CUSTOMER_ACTS: tuple[str, ...] = tuple(a.value for a in CustomerAct)
OBJECTION_TYPES: tuple[str, ...] = tuple(o.value for o in ObjectionType)
