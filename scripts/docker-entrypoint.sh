#!/bin/sh
# The container's entry point: migrations as their own step (once, before serving), then the command.
# `docker run IMAGE` serves; `docker run IMAGE celery -A ledgerlens.celery_app worker` runs a worker;
# LEDGERLENS_SKIP_MIGRATE=1 leaves migrations to a separate job (one per deployment, not one per replica).
set -e
if [ "${LEDGERLENS_SKIP_MIGRATE:-0}" != "1" ]; then
  /app/.venv/bin/ledgerlens migrate
fi
if [ "$#" -eq 0 ]; then
  set -- /app/.venv/bin/ledgerlens serve --host 0.0.0.0 --port 8000
fi
exec "$@"
