"""workdays.py — working days counted in the tests themselves, from the
official calendar file (data/holidays_cn.csv: the State Council's notices)
and the law, not from the program: Monday to Friday, less the notice's days
off, plus its adjusted working weekend days; for a year the file does not
cover, less the holidays the law fixes by date (全国年节及纪念日放假办法
Art. 2: 1 January, 1 May and from 2025 also 2 May, 1-3 October).  Day 1 of
a period is the first working day after its start (民法典 Art. 201).
"""
import datetime
import os

_CSV = os.path.join(os.path.dirname(__file__), "..", "..", "data", "holidays_cn.csv")


def _load():
    off, on, years = set(), set(), set()
    with open(_CSV, encoding="utf-8") as f:
        next(f)
        for line in f:
            day, kind = line.strip().split(",")[:2]
            d = datetime.date.fromisoformat(day)
            years.add(d.year)
            (off if kind == "holiday" else on).add(d)
    return off, on, years


_OFF, _ON, _YEARS = _load()


def is_workday(d):
    if d.year in _YEARS:
        if d in _ON:
            return True
        if d in _OFF:
            return False
    else:
        fixed = {(1, 1), (5, 1), (10, 1), (10, 2), (10, 3)}
        if d.year >= 2025:
            fixed.add((5, 2))
        if (d.month, d.day) in fixed:
            return False
    return d.weekday() < 5


def add_workdays(d, n):
    """The n-th working day after d."""
    while n > 0:
        d += datetime.timedelta(days=1)
        n -= is_workday(d)
    return d


def workdays_between(d1, d2):
    """Working days in (d1, d2]; 0 when d2 <= d1."""
    n = 0
    while d1 < d2:
        d1 += datetime.timedelta(days=1)
        n += is_workday(d1)
    return n
