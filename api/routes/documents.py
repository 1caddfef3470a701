from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

import review
from api.deps import SessionDep, SettingsDep, read_upload, require_roles
from api.problems import problem_responses
from core.errors import Forbidden
from ledgerlens.services import documents
from ledgerlens.services.auth import Principal

router = APIRouter(prefix="/v1/documents", tags=["documents"])

Uploader = Annotated[Principal, Depends(require_roles("billing"))]
PageReader = Annotated[Principal, Depends(require_roles("billing", "reviewer"))]


@router.post("", status_code=202, responses=problem_responses(415))
async def upload_document(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    user: Uploader,
    file: Annotated[UploadFile, File(description="PDF, PNG, JPEG or TIFF")],
    doc_type: Annotated[str | None, Form()] = None,
    customer_id: Annotated[str | None, Form()] = None,
) -> JSONResponse:
    data = await read_upload(file, settings.uploads.max_bytes)

    def store() -> documents.StoredDocument:  # parsing, writing and queueing block: not on the event loop
        stored = documents.store_upload(session, settings, data, file.filename, doc_type, customer_id, user.id)
        session.commit()  # the file and its row are safe before the worker sees them
        request.app.state.worker.submit(stored.document_id)
        return stored

    stored = await run_in_threadpool(store)
    return JSONResponse(
        {"document_id": stored.document_id, "status": stored.status},
        status_code=202,
        headers={"Location": f"/v1/documents/{stored.document_id}"},
    )


@router.get("/{document_id}")
def read_document(document_id: str, session: SessionDep, user: Uploader) -> dict[str, Any]:
    return documents.document_view(documents.get_document(session, document_id))


@router.get("/{document_id}/pages/{page}.png", response_class=Response)
def page_image(document_id: str, page: int, session: SessionDep, settings: SettingsDep, user: PageReader) -> Response:
    record = documents.get_document(session, document_id)
    if not user.has("billing") and not review.points_at_document(session, document_id):
        raise Forbidden("reviewers see only the pages their tasks point at")
    return Response(
        documents.page_png(settings, record, page),
        media_type="image/png",
        headers={"Cache-Control": "private, max-age=300"},
    )
