from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import SessionDep
from store.db import ping

router = APIRouter(tags=["health"])


@router.get("/healthz")
def health(session: SessionDep) -> dict[str, Any]:
    ping(session)
    return {"status": "ok"}
