"""Process-wide locks shared by rooms that do not otherwise know each other."""

from __future__ import annotations

import threading

# Alembic keeps its migration context in module globals: two threads migrating at once corrupt it. MLflow's
# SQLite store migrates itself with Alembic too, so code that opens an MLflow store takes this lock as well.
ALEMBIC_LOCK = threading.RLock()

# transformers resolves its names lazily and not thread-safely: the sentence encoder warming up in a background
# thread while a worker thread imports the layout model made `from transformers import LayoutLMConfig` fail.
# Every first import of torch/transformers-backed modules in the serving path takes this lock.
HEAVY_IMPORT_LOCK = threading.RLock()
