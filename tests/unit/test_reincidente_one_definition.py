"""«Reincidente» means the same thing on every screen (ux-d, session 18).

The trainee's coaching plan, the trainee's progress and the formador's board flag a fault as
reincidente by one rule (``coaching.history.reincidentes``: 3 of the last 5 calls).
"""

from __future__ import annotations

from simulator.coaching.history import REINCIDENTE_MIN, WINDOW, reincidentes, repeated_faults
from simulator.services.dashboard import faults_of as board_faults
from simulator.services.progress import repeated_faults as progress_faults
from tests.unit.test_coaching import graded


def test_rule() -> None:
    assert (REINCIDENTE_MIN, WINDOW) == (3, 5)
    assert reincidentes([{"a"}, {"a"}]) == {}
    assert reincidentes([{"a"}, {"a", "b"}, {"a"}]) == {"a": 3}
    # only the last five calls count
    assert reincidentes([{"a"}, {"a"}, {"a"}, set(), set(), set(), set(), set()]) == {}


def test_coaching_progress_and_board_agree() -> None:
    wrong, good = graded("wrong_price"), graded("sample_sale")
    for history in ([wrong], [wrong, wrong], [wrong, good, good, good, good, wrong]):
        cards = [*history, wrong]
        _lines, coaching, _ = repeated_faults(wrong, history)
        progress = any(f.flag for f in progress_faults(list(enumerate(cards))))
        board = bool(reincidentes([board_faults(c) for c in cards]))
        assert coaching == progress == board, (len(history), coaching, progress, board)
