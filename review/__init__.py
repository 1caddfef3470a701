"""Review queue and audit log: plain Python over the store's tables (no FastAPI here).

The pipeline and the pre-send check call ``open_task``; reviewers ``claim_next`` and ``resolve``. Every decision and
every change of a stored value goes to the hash-chained audit log (``review.audit``) in the caller's transaction.
"""

from review.audit import VerifyResult, verify
from review.queue import (
    DECISIONS,
    KINDS,
    REJECT_REASONS,
    STATUSES,
    SYSTEM,
    LeaseConflict,
    TaskFilter,
    claim_next,
    claim_task,
    counts,
    current_claim,
    current_value,
    effective_status,
    escalate,
    get_task,
    list_tasks,
    open_task,
    release,
    resolve,
)

__all__ = [
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
    "effective_status",
    "escalate",
    "get_task",
    "list_tasks",
    "open_task",
    "release",
    "resolve",
    "verify",
]
