from datetime import date

from risk.reminders import DEFAULT_OFFSETS, reminder_plan


def test_default_plan_for_low_risk():
    plan = reminder_plan(0.1)
    assert plan.offsets == list(DEFAULT_OFFSETS) == [-7, 0, 7, 14]
    assert not plan.paused and not plan.escalate_to_person


def test_high_risk_starts_earlier_and_nudges_more_often():
    low, high = reminder_plan(0.2), reminder_plan(0.8)
    assert min(high.offsets) < min(low.offsets)
    assert len(high.offsets) > len(low.offsets)
    assert high.offsets == sorted(high.offsets)


def test_paused_while_dispute_open():
    plan = reminder_plan(0.9, dispute_open=True)
    assert plan.paused and plan.offsets == [] and not plan.escalate_to_person


def test_handed_to_a_person_after_four_unanswered():
    assert not reminder_plan(0.3, unanswered_reminders=3).escalate_to_person
    plan = reminder_plan(0.3, unanswered_reminders=4)
    assert plan.escalate_to_person and plan.offsets == []


def test_next_date():
    plan = reminder_plan(0.1)
    assert plan.next_date(date(2026, 12, 1), today=date(2026, 11, 25)) == date(2026, 12, 1)
    assert plan.next_date(date(2026, 12, 1), today=date(2026, 12, 16)) is None
