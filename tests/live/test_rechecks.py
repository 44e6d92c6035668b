"""Membership rechecks of open streams: one answer per viewer and channel, a few at a time."""

import threading
import time

from app.live import stream
from app.live.stream import CONCURRENT_CHECKS, _Answers


def ask_at_once(answers, keys, check, fresh_for=10.0):
    results = {}

    def ask(n, key):
        results[n] = answers.ask(key, fresh_for, check)

    threads = [threading.Thread(target=ask, args=(n, key)) for n, key in enumerate(keys)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    return [results[n] for n in range(len(keys))]


class Check:
    def __init__(self, answer=True, seconds=0.1):
        self.answer, self.seconds = answer, seconds
        self.calls = self.running = self.most_at_once = 0
        self._lock = threading.Lock()

    def __call__(self):
        with self._lock:
            self.calls += 1
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        time.sleep(self.seconds)
        with self._lock:
            self.running -= 1
        return self.answer


def test_the_streams_of_one_viewer_on_one_channel_share_one_check():
    check = Check(answer=False)
    answers = ask_at_once(_Answers(), [("app", "7", "meeting:1")] * 12, check)
    assert answers == [False] * 12
    assert check.calls == 1


def test_different_viewers_are_each_checked_but_only_a_few_at_a_time():
    check = Check(seconds=0.3)
    keys = [("app", str(n), "meeting:1") for n in range(8)]
    assert ask_at_once(_Answers(), keys, check) == [True] * 8
    assert check.calls == 8
    assert check.most_at_once <= CONCURRENT_CHECKS


def test_an_answer_is_asked_again_once_it_is_stale():
    answers, check = _Answers(), Check(seconds=0)
    key = ("app", "7", "meeting:1")
    answers.ask(key, 0.05, check)
    answers.ask(key, 0.05, check)
    assert check.calls == 1
    time.sleep(0.06)
    answers.ask(key, 0.05, check)
    assert check.calls == 2


def test_without_a_signed_in_viewer_every_stream_asks_for_itself():
    check = Check(seconds=0)
    ask_at_once(_Answers(), [None] * 3, check)
    assert check.calls == 3


def test_the_first_recheck_of_streams_opened_together_is_spread(app):
    firsts = [stream._Viewer(app, lambda: True, 10, None).next_check for _ in range(50)]
    spread = max(firsts) - min(firsts)
    assert 1 < spread <= 5, "between half and all of the period after opening"
