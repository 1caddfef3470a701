from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from api.deps import CurrentUser, SessionDep, require_roles
from ledgerlens.services import auth
from ledgerlens.services.auth import Principal

router = APIRouter(prefix="/v1/users", tags=["users"])

Admin = Annotated[Principal, Depends(require_roles())]


class UserCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    roles: list[str] = Field(min_length=1)


class UserCreated(BaseModel):
    id: str
    name: str
    roles: list[str]
    token: str = Field(description="shown once; only its hash is stored")


class Me(BaseModel):
    id: str
    name: str
    roles: list[str]


@router.post("", status_code=201)
def create_user(body: UserCreate, session: SessionDep, admin: Admin) -> UserCreated:
    user, token = auth.create_user(session, body.name, body.roles)
    return UserCreated(id=user.id, name=user.name, roles=user.roles, token=token)


class Revoked(BaseModel):
    name: str
    tokens_revoked: int


@router.post("/{name}/revoke")
def revoke_user(name: str, session: SessionDep, admin: Admin) -> Revoked:
    """Revoke every token of the user and end their UI sessions: their next request answers 401."""
    return Revoked(name=name, tokens_revoked=auth.revoke_user(session, name, actor=admin.id))


@router.get("/me")
def who_am_i(user: CurrentUser) -> Me:
    return Me(id=user.id, name=user.name, roles=sorted(user.roles))
