"""The week arithmetic of the coverage policy: gaps round the week, overnight windows, holidays."""

from __future__ import annotations

from guideline.check.coverage import EVERY_HOUR, shift_windows, uncovered_gap
from guideline.model.contacts import OnCallShift, TimeWindow

WORKDAYS = ["Mo", "Di", "Mi", "Do", "Fr"]
DAY = 24 * 60


def window(days: list[str], start: str, end: str) -> TimeWindow:
    return TimeWindow.model_validate({"days": days, "start": start, "end": end})


def test_the_weekend_gap_runs_round_the_end_of_the_week() -> None:
    gap = uncovered_gap((window(WORKDAYS, "08:00", "18:00"), window(["Sa"], "09:00", "14:00")), DAY)
    assert gap is not None and gap.label == "Sa 14:00 – Mo 08:00, 42 h"


def test_overnight_windows_and_whole_days_leave_no_gap() -> None:
    windows = (window(WORKDAYS, "08:00", "18:00"), window(WORKDAYS, "18:00", "08:00"),
               window(["Sa", "So", "Feiertag"], "08:00", "08:00"))
    assert uncovered_gap(windows, 0) is None


def test_a_holiday_without_windows_opens_a_gap_that_is_named() -> None:
    windows = (window(WORKDAYS, "08:00", "18:00"), window(["Sa", "So"], "10:00", "11:00"))
    gap = uncovered_gap(windows, DAY)
    assert gap is not None and gap.label == "So 11:00 – Di 08:00, 45 h, wenn Mo ein Feiertag ist"


def test_a_short_enough_gap_is_no_finding_and_nothing_covered_is_the_whole_week() -> None:
    assert uncovered_gap((window(WORKDAYS + ["Sa", "So", "Feiertag"], "06:00", "23:30"),), 7 * 60) is None
    gap = uncovered_gap((), 60)
    assert gap is not None and gap.minutes == 7 * DAY


def test_a_shift_around_the_clock_covers_every_minute_even_in_a_week_with_a_holiday() -> None:
    shift = OnCallShift.model_validate({"title": "Krisentelefon", "role": "lead", "phone": "+49 30 23125 121",
                                        "levels": ["krise"], "around_the_clock": True})
    assert shift_windows(shift) == (EVERY_HOUR,)
    assert uncovered_gap(shift_windows(shift), 0) is None
    every_weekday = shift.model_copy(update={"around_the_clock": False,
                                             "windows": (window(WORKDAYS + ["Sa", "So"], "00:00", "24:00"),)})
    gap = uncovered_gap(shift_windows(every_weekday), 0)
    assert gap is not None and gap.label == "Mo 00:00 – Di 00:00, 24 h, wenn Mo ein Feiertag ist"
