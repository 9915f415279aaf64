import time

from solvers.deadline import Deadline


def test_remaining_and_expired():
    d = Deadline.after(0.05)
    assert not d.expired() and 0 < d.remaining() <= 0.05
    time.sleep(0.06)
    assert d.expired() and d.remaining() == 0.0


def test_share_and_cap_never_extend():
    d = Deadline.after(10)
    half = d.share(0.5)
    assert 4.9 < half.remaining() < 5.01
    assert d.share(2.0).end <= d.end
    assert d.cap(1).remaining() <= 1.0 and d.cap(100).end == d.end
    assert Deadline.after(-5).expired()
