"""Draw a questionnaire from the bank and grade the candidate's answers.

Twenty questions (the plan's number) are drawn per exam, spread over the topics as evenly as the
bank allows, in shuffled order and with shuffled options; the draw is reproducible from its seed and
stored with the attempt, so a resumed exam shows the same questions. Explanations are only part of
the graded result, shown after submission.
"""

from __future__ import annotations

import random

from simulator.exam.models import (
    DrawnQuestion,
    Questionnaire,
    QuestionnaireResult,
    QuestionResult,
    TopicScore,
)
from simulator.exam.questions import Question, QuestionBank, topics


def _spread(bank: QuestionBank, n: int, rng: random.Random) -> list[Question]:
    """``n`` questions taking one per topic in turn (topics in random order), so every topic is
    asked about before any is asked twice."""
    pools = {topic: list(qs) for topic, qs in bank.by_topic().items()}
    for pool in pools.values():
        rng.shuffle(pool)
    order = sorted(pools)
    rng.shuffle(order)
    chosen: list[Question] = []
    while len(chosen) < n and any(pools.values()):
        for topic in order:
            if pools[topic] and len(chosen) < n:
                chosen.append(pools[topic].pop())
    return chosen


def _drawn(question: Question, rng: random.Random) -> DrawnQuestion:
    order = list(range(len(question.options)))
    rng.shuffle(order)
    right = question.answer - 1
    return DrawnQuestion(
        id=question.id,
        topic=question.topic,
        question=question.question,
        options=[question.options[i] for i in order],
        answer=order.index(right),
        explanation=question.explanation,
        reference=question.reference,
    )


def draw_questionnaire(bank: QuestionBank, n: int, seed: int) -> Questionnaire:
    """``n`` questions (fewer if the bank is smaller), shuffled, options shuffled."""
    rng = random.Random(seed)
    chosen = _spread(bank, n, rng)
    rng.shuffle(chosen)
    return Questionnaire(seed=seed, questions=[_drawn(q, rng) for q in chosen])


def grade(
    questionnaire: Questionnaire, answers: dict[str, int], pass_mark: float
) -> QuestionnaireResult:
    """Each question right or wrong (unanswered or out-of-range answers are wrong), by topic, and
    passed when the share right reaches ``pass_mark``."""
    labels = topics()
    results: list[QuestionResult] = []
    by_topic: dict[str, list[bool]] = {}
    for q in questionnaire.questions:
        chosen = answers.get(q.id)
        if chosen is not None and not 0 <= chosen < len(q.options):
            chosen = None
        correct = chosen == q.answer
        by_topic.setdefault(q.topic, []).append(correct)
        results.append(
            QuestionResult(
                id=q.id,
                topic=q.topic,
                question=q.question,
                options=q.options,
                chosen=chosen,
                answer=q.answer,
                correct=correct,
                explanation=q.explanation,
                reference=q.reference,
            )
        )
    total = len(results)
    right = sum(r.correct for r in results)
    score = right / total if total else 0.0
    ordered = [t for t in labels if t in by_topic] + sorted(set(by_topic) - set(labels))
    return QuestionnaireResult(
        correct=right,
        total=total,
        score=round(score, 4),
        pass_mark=pass_mark,
        passed=total > 0 and score + 1e-9 >= pass_mark,
        topics=[
            TopicScore(
                topic=t,
                label=labels.get(t, t),
                correct=sum(by_topic[t]),
                total=len(by_topic[t]),
            )
            for t in ordered
        ],
        questions=results,
    )
