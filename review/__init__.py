"""Review queue and audit log: plain Python over the store's tables (no FastAPI here).

The pipeline and the pre-send check call ``open_task``; reviewers ``claim_next`` and ``resolve``. Every decision and
every change of a stored value goes to the hash-chained audit log (``review.audit``) in the caller's transaction.

- ``review.leases``: the task's state machine (open, claim a lease, release, escalate);
- ``review.decisions``: a decision (confirm, correct, reject) and its effects on the stored values;
- ``review.listing``: the filtered queue and the dashboard's counts.
"""

from review.audit import VerifyResult, verify
from review.automation import automation_rate
from review.decisions import DECISIONS, REJECT_REASONS, current_value, document_values, resolve, task_check
from review.leases import (
    KINDS,
    STATUSES,
    SYSTEM,
    LeaseConflict,
    claim_next,
    claim_task,
    current_claim,
    effective_status,
    escalate,
    get_task,
    open_task,
    release,
)
from review.listing import TaskFilter, counts, customers_with_tasks, list_tasks, points_at_document

__all__ = [
    "automation_rate",
    "DECISIONS",
    "KINDS",
    "REJECT_REASONS",
    "STATUSES",
    "SYSTEM",
    "LeaseConflict",
    "TaskFilter",
    "VerifyResult",
    "claim_next",
    "claim_task",
    "counts",
    "current_claim",
    "current_value",
    "document_values",
    "customers_with_tasks",
    "effective_status",
    "escalate",
    "get_task",
    "list_tasks",
    "open_task",
    "points_at_document",
    "release",
    "resolve",
    "task_check",
    "verify",
]
