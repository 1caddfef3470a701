"""The review UI: server-rendered pages (Jinja2) over the review queue, with a little JavaScript for zoom and keys.

Login takes a bearer token once and opens a server-side session: the HttpOnly, SameSite=Strict cookie holds only a
random session id (stored hashed, expires, deleted on logout or when the user is revoked); the API does not accept
it. Every form post of a signed-in page carries the session's CSRF token (``CsrfChecked``); cookies are Secure when
the request came over HTTPS (behind a TLS proxy: LEDGERLENS_FORWARDED_ALLOW_IPS). Page images come from
``/ui/documents/{id}/pages/{n}.png``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

import review
from api.deps import SESSION_COOKIE, CsrfChecked, SessionDep, SettingsDep, get_ui_login
from api.routes.review import task_context
from core.errors import Forbidden, LedgerLensError
from extraction.result import LINE_FIELDS
from ledgerlens.services import documents
from ledgerlens.services.auth import Principal, authenticate, close_ui_session, open_ui_session, user_names
from review.audit import entries, entry_to_dict, verify
from review.values import field_kind, input_type
from store.tables import ReviewTask

router = APIRouter(include_in_schema=False)

HERE = Path(__file__).resolve().parents[1]
templates = Jinja2Templates(directory=str(HERE / "templates"))
STATIC = HERE / "static"
STATIC_FILES = {
    "app.css": "text/css",
    "app.js": "text/javascript",
    "collections.css": "text/css",
    "collections.js": "text/javascript",
}

NOTICES = {
    "empty": "The queue is empty. Nice work.",
    "resolved": "Decision saved.",
    "released": "Task handed back to the queue.",
    "escalated": "Task escalated to an admin.",
    "lease": "Your claim on that task ran out and someone else may have it. Take the next one.",
    "signed_out": "You are signed out.",
}


# ----------------------------------------------------------------------------------------------------- helpers


def human_duration(seconds: float) -> str:
    seconds = abs(int(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60} min"
    if seconds < 86400:
        hours, minutes = divmod(seconds // 60, 60)
        return f"{hours} h {minutes:02d}" if hours < 10 and minutes else f"{hours} h"
    days, hours = divmod(seconds // 3600, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"


def sla_state(task: ReviewTask, now: datetime) -> dict[str, str]:
    """A badge for the SLA: breached, due soon (under a quarter of the allowance or 1 h) or on time."""
    if task.status == "resolved":
        return {"css": "muted", "text": "done"}
    left = (task.sla_due_at - now).total_seconds()
    if left < 0:
        return {"css": "danger", "text": f"breached {human_duration(left)} ago"}
    allowance = (task.sla_due_at - task.created_at).total_seconds() or 1
    css = "warning" if left < max(3600, allowance / 4) else "ok"
    return {"css": css, "text": f"due in {human_duration(left)}"}


templates.env.filters["duration"] = human_duration
FIELD_LABELS = {
    "po_number": "PO number",
    "contract_number": "Contract number",
    "buyer_tax_id": "Buyer tax ID",
    "vendor_tax_id": "Vendor tax ID",
    "payment_terms_days": "Payment terms (days)",
    "sku": "SKU",
    "tax_rate": "Tax rate (%)",
}


def field_label(name: str | None) -> str:
    return FIELD_LABELS.get(name or "", (name or "").replace("_", " ").capitalize())


templates.env.globals["field_label"] = field_label


class LoginRequired(Exception):
    """A UI page asked for by someone who is not signed in as a reviewer: the browser goes to the login page."""

    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.target = target


def to_login(request: Request, exc: Exception) -> Response:
    """The app's handler for ``LoginRequired``: back to this page once signed in."""
    target = exc.target if isinstance(exc, LoginRequired) else "/ui"
    return RedirectResponse(f"/ui/login?{urlencode({'next': target})}", status_code=303)


def _here(request: Request) -> str:
    return request.url.path + (f"?{request.url.query}" if request.url.query else "")


def signed_in(request: Request, session: SessionDep, settings: SettingsDep) -> Principal:
    """The principal of the UI's session cookie, or a redirect to the login page."""
    login = get_ui_login(request, session, settings)
    if login is None:
        raise LoginRequired(_here(request))
    request.state.csrf_token = login.csrf_token  # every page's forms carry it
    return login.principal


SignedIn = Annotated[Principal, Depends(signed_in)]


def reviewer(request: Request, user: SignedIn) -> Principal:
    """A signed-in principal with the reviewer role (admins have it), or a redirect to the login page."""
    if not user.has("reviewer"):
        raise LoginRequired(_here(request))
    return user


Reviewer = Annotated[Principal, Depends(reviewer)]


class RoleRequired(Exception):
    """A signed-in principal without any of the roles a UI page needs: the page says which role it needs."""

    def __init__(self, user: Principal, roles: tuple[str, ...]) -> None:
        super().__init__(roles)
        self.user = user
        self.roles = roles


def to_forbidden(request: Request, exc: Exception) -> Response:
    """The app's handler for ``RoleRequired``: the 403 page naming the role."""
    assert isinstance(exc, RoleRequired)
    need = " or ".join(exc.roles)
    return _render(request, "forbidden.html", exc.user, 403, message=f"This page needs the {need} role.")


def role_page(*roles: str) -> Callable[[Principal], Principal]:
    """A dependency: the signed-in principal when it has one of ``roles``, else ``RoleRequired``."""

    def principal_with_role(user: SignedIn) -> Principal:
        if not user.has(*roles):
            raise RoleRequired(user, roles)
        return user

    return principal_with_role


def reviewed_task(task_id: str, user: Reviewer, session: SessionDep) -> ReviewTask:
    """The task of the page's path, for a reviewer (the login redirect comes before a 404)."""
    return review.get_task(session, task_id)


TaskDep = Annotated[ReviewTask, Depends(reviewed_task)]


def _safe_next(target: str | None) -> str:
    """Only paths of this UI: a login link must not send people elsewhere."""
    if target and target.startswith("/ui") and not target.startswith("//"):
        return target
    return "/ui"


def _render(request: Request, name: str, user: Principal | None, status_code: int = 200, **context: Any) -> Response:
    notice = NOTICES.get(request.query_params.get("notice", ""))
    return templates.TemplateResponse(
        request,
        name,
        {
            "user": user,
            "notice": notice,
            "is_admin": bool(user and "admin" in user.roles),
            "csrf_token": getattr(request.state, "csrf_token", ""),
            **context,
        },
        status_code=status_code,
    )


# ------------------------------------------------------------------------------------------------- static, login


@router.get("/")
def root() -> RedirectResponse:
    return RedirectResponse("/ui", status_code=307)


@router.get("/ui/static/{name}")
def static(name: str) -> Response:
    if name not in STATIC_FILES:
        return Response(status_code=404)
    return FileResponse(STATIC / name, media_type=STATIC_FILES[name], headers={"Cache-Control": "no-cache"})


@router.get("/ui/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> Response:
    return _render(request, "login.html", None, next=_safe_next(next))


@router.post("/ui/login")
def login(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    token: str = Form(""),
    next: str = Form("/ui"),
) -> Response:
    principal = authenticate(session, token.strip(), settings.admin_token) if token.strip() else None
    if principal is None:
        return _render(
            request, "login.html", None, 401, error="That token is unknown or revoked.", next=_safe_next(next)
        )
    if not principal.has("reviewer", "collections"):
        return _render(
            request,
            "login.html",
            None,
            403,
            error="This token has no reviewer role (nor a collections role). Ask an admin for one.",
            next=_safe_next(next),
        )
    target = _safe_next(next)
    if target == "/ui" and not principal.has("reviewer"):
        target = "/ui/collections"  # collections people start at their worklist
    session_id, _ = open_ui_session(session, principal, settings.session_hours)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_id,
        max_age=settings.session_hours * 3600,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",  # https as seen by the proxy when forwarded headers are trusted
        path="/",
    )
    return response


@router.post("/ui/logout", dependencies=[CsrfChecked])
def logout(request: Request, session: SessionDep) -> Response:
    session_id = request.cookies.get(SESSION_COOKIE)
    if session_id:
        close_ui_session(session, session_id)
    response = RedirectResponse("/ui/login?notice=signed_out", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", secure=request.url.scheme == "https", httponly=True)
    return response


@router.get("/ui/documents/{document_id}/pages/{page}.png")
def page_image(document_id: str, page: int, session: SessionDep, settings: SettingsDep, user: Reviewer) -> Response:
    """A page for the task view, under the UI session (the API's page route wants a bearer token)."""
    record = documents.get_document(session, document_id)
    if not user.has("billing") and not review.points_at_document(session, document_id):
        raise Forbidden("reviewers see only the pages their tasks point at")
    png = documents.page_png(settings, record, page)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=300"})


# ------------------------------------------------------------------------------------------------------- queue


@router.get("/ui", response_class=HTMLResponse)
def queue(
    request: Request,
    session: SessionDep,
    user: Reviewer,
    status: str = "open",
    kind: str = "",
    customer: str = "",
    age: str = "",
    breached: str = "",
) -> Response:
    now = datetime.now(UTC)
    age_hours = {"1h": 1.0, "4h": 4.0, "24h": 24.0, "3d": 72.0}.get(age)
    flt = review.TaskFilter(
        status=status if status in (*review.STATUSES, "unresolved") else "open",
        kind=kind if kind in review.KINDS else None,
        customer_id=customer.strip() or None,
        older_than_hours=age_hours,
        sla_breached=True if breached == "1" else None,
    )
    tasks, total = review.list_tasks(session, flt, limit=200, now=now)
    customers = review.customers_with_tasks(session)
    names = user_names(session, {t.claimed_by for t in tasks if t.claimed_by})
    rows = [
        {
            "task": t,
            "status": review.effective_status(t, now),
            "age": human_duration((now - t.created_at).total_seconds()),
            "sla": sla_state(t, now),
            "holder": names.get(t.claimed_by or "", t.claimed_by),
            "mine": t.claimed_by == user.id and review.effective_status(t, now) == "claimed",
        }
        for t in tasks
    ]
    return _render(
        request,
        "queue.html",
        user,
        rows=rows,
        total=total,
        counts=review.counts(session, now=now),
        current=review.current_claim(session, user, now=now),
        customers=customers,
        filters={"status": flt.status, "kind": kind, "customer": customer, "age": age, "breached": breached},
    )


@router.post("/ui/claim", dependencies=[CsrfChecked])
def claim_next(session: SessionDep, settings: SettingsDep, user: Reviewer, kind: str = Form("")) -> Response:
    task = review.claim_next(session, user, kind=kind if kind in review.KINDS else None, config=settings.review)
    session.commit()  # before the redirect: the next page must see the claim
    if task is None:
        return RedirectResponse("/ui?notice=empty", status_code=303)
    return RedirectResponse(f"/ui/tasks/{task.id}", status_code=303)


# -------------------------------------------------------------------------------------------------------- task


def _task_page(
    request: Request,
    session: SessionDep,
    user: Principal,
    task: ReviewTask,
    *,
    status_code: int = 200,
    error: str | None = None,
    form: dict[str, str] | None = None,
) -> Response:
    now = datetime.now(UTC)
    context = task_context(session, task)
    status = review.effective_status(task, now)
    holder = user_names(session, {task.claimed_by or ""}).get(task.claimed_by or "", task.claimed_by)
    cell = context.get("value") if task.kind == "extraction" else None
    field = task.field
    kind = field_kind(field, line=task.line) if field else "text"
    lease_left = (
        int((task.lease_expires_at - now).total_seconds()) if status == "claimed" and task.lease_expires_at else None
    )
    doc_values = _document_values(context.get("values") or [])
    pages = sorted({v["page"] for v in doc_values if v["page"]})
    asked = request.query_params.get("page", "")
    shown_page = int(asked) if asked.isdigit() and int(asked) >= 1 else task.page
    return _render(
        request,
        "task.html",
        user,
        status_code,
        task=task,
        status=status,
        mine=status == "claimed" and task.claimed_by == user.id,
        holder=holder,
        context=context,
        cell=cell,
        value_kind=kind,
        input_attrs=input_type(field, line=task.line) if field else {"type": "text"},
        invoice_value=(task.payload or {}).get("invoice_value"),
        sla=sla_state(task, now),
        age=human_duration((now - task.created_at).total_seconds()),
        lease_left=lease_left,
        reasons=review.REJECT_REASONS,
        page_url=f"/ui/documents/{task.document_id}/pages/{shown_page}.png"
        if task.document_id and shown_page
        else None,
        shown_page=shown_page,
        other_pages=[p for p in pages if p != shown_page],
        doc_values=doc_values,
        problems=(task.payload or {}).get("problems", []),
        error=error,
        form=form or {},
    )


def _document_values(values: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A document task's values as the page shows them: a label, the value (a line's cells), one input per cell."""
    out = []
    for v in values:
        cells = {name: cell.get("value") for name, cell in v["cells"].items() if cell.get("value") is not None}
        if v["line"] is not None:
            cells = {name: cells[name] for name in LINE_FIELDS if name in cells}
        inputs = [(name, v["keys"][name], "" if value is None else str(value)) for name, value in cells.items()]
        label = field_label(v["field"]) if v["line"] is None else f"Line {v['line'] + 1}"
        key = v["field"] if v["line"] is None else f"line_items.{v['line']}"
        out.append({**v, "label": label, "key": key, "shown": [(n, str(x)) for n, x in cells.items()] or [("", "—")],
                    "inputs": inputs})  # fmt: skip
    return out


async def _form_corrections(request: Request) -> dict[str, str]:
    """The ``c:<key>`` inputs of a document task's correction form (one per value it holds)."""
    form = await request.form()
    return {key[2:]: str(value) for key, value in form.items() if key.startswith("c:")}


@router.get("/ui/tasks/{task_id}", response_class=HTMLResponse)
def task_view(request: Request, session: SessionDep, user: Reviewer, task: TaskDep) -> Response:
    return _task_page(request, session, user, task)


@router.post("/ui/tasks/{task_id}/claim", dependencies=[CsrfChecked])
def claim_task(request: Request, session: SessionDep, settings: SettingsDep, user: Reviewer, task: TaskDep) -> Response:
    try:
        review.claim_task(session, task.id, user, config=settings.review)
        session.commit()
    except LedgerLensError as exc:
        session.rollback()
        return _task_page(
            request, session, user, review.get_task(session, task.id), status_code=exc.status, error=exc.detail
        )
    return RedirectResponse(f"/ui/tasks/{task.id}", status_code=303)


@router.post("/ui/tasks/{task_id}/resolve", dependencies=[CsrfChecked])
def resolve(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    user: Reviewer,
    task: TaskDep,
    decision: str = Form(...),
    value: str = Form(""),
    reason: str = Form(""),
    note: str = Form(""),
    typed: dict[str, str] = Depends(_form_corrections),
) -> Response:
    corrections: dict[str, Any] | None = {"value": value} if decision == "correct" else None
    if decision == "correct" and task.field is None and typed:
        # a document task: the values the reviewer changed (an unchanged one is confirmed with the rest)
        shown = {
            key: text for v in _document_values(review.document_values(session, task)) for _, key, text in v["inputs"]
        }
        corrections = {key: text for key, text in typed.items() if text.strip() != shown.get(key, "").strip()}
    try:
        review.resolve(
            session,
            task.id,
            user,
            decision=decision,
            corrections=corrections,
            reason=reason.strip() or None,
            note=note.strip() or None,
        )
        session.commit()
    except LedgerLensError as exc:
        session.rollback()
        form = {
            "decision": decision,
            "value": value,
            "reason": reason,
            "note": note,
            **{f"c:{k}": v for k, v in typed.items()},
        }
        return _task_page(
            request,
            session,
            user,
            review.get_task(session, task.id),
            status_code=exc.status,
            error=exc.detail,
            form=form,
        )
    # "Next task" flow: straight on to the next one, or back to the queue when it is empty.
    following = review.claim_next(session, user, config=settings.review)
    session.commit()
    if following is None:
        return RedirectResponse("/ui?notice=empty", status_code=303)
    return RedirectResponse(f"/ui/tasks/{following.id}?notice=resolved", status_code=303)


@router.post("/ui/tasks/{task_id}/release", dependencies=[CsrfChecked])
def release(session: SessionDep, user: Reviewer, task: TaskDep) -> Response:
    try:
        review.release(session, task.id, user)
        session.commit()
    except LedgerLensError:
        session.rollback()
        return RedirectResponse("/ui?notice=lease", status_code=303)
    return RedirectResponse("/ui?notice=released", status_code=303)


@router.post("/ui/tasks/{task_id}/escalate", dependencies=[CsrfChecked])
def escalate(request: Request, session: SessionDep, user: Reviewer, task: TaskDep, note: str = Form("")) -> Response:
    try:
        review.escalate(session, task.id, user, reason=note.strip())
        session.commit()
    except LedgerLensError as exc:
        session.rollback()
        return _task_page(
            request, session, user, review.get_task(session, task.id), status_code=exc.status, error=exc.detail
        )
    return RedirectResponse("/ui?notice=escalated", status_code=303)


# ------------------------------------------------------------------------------------------------------- audit


@router.get("/ui/audit", response_class=HTMLResponse)
def audit_log(request: Request, session: SessionDep, user: SignedIn, q: str = "") -> Response:
    if "admin" not in user.roles:
        return _render(request, "forbidden.html", user, 403, message="The audit log is for admins.")
    found = entries(session, mentioning=q.strip() or None, newest_first=True, limit=200)
    return _render(request, "audit.html", user, entries=[entry_to_dict(e) for e in found], chain=verify(session), q=q)
