"""MLflow helpers shared by the learned models: where tracking lives, registering a run, loading the champion.

Tracking defaults to a SQLite file in the data dir (``sqlite:///<data_dir>/mlflow.db``) with artifacts under
``<data_dir>/mlruns``; ``MLFLOW_TRACKING_URI`` overrides it. A model is registered from a run's artifact
folder and marked with an alias; the service loads the version the alias ``champion`` points at.

mlflow is imported inside the functions: it takes seconds to import, and a service without a registry never needs it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from core.locks import ALEMBIC_LOCK

CHAMPION = "champion"


def tracking_uri(data_dir: Path) -> str:
    if os.environ.get("MLFLOW_TRACKING_URI"):
        return os.environ["MLFLOW_TRACKING_URI"]
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir.resolve() / 'mlflow.db'}"


def configure(data_dir: Path, experiment: str | None = None) -> str:
    """Point MLflow at the tracking store (and create ``experiment`` with its artifacts in the data dir)."""
    # mlflow: ~2 s to import, only when a run is logged or the registry is read
    import mlflow

    uri = tracking_uri(data_dir)
    mlflow.set_tracking_uri(uri)
    mlflow.set_registry_uri(uri)
    if experiment is not None:
        with ALEMBIC_LOCK:  # the first call on a new store migrates it
            if mlflow.get_experiment_by_name(experiment) is None:
                location = None
                if uri.startswith("sqlite:///"):  # artifacts beside the database, never in the working directory
                    location = (Path(uri.removeprefix("sqlite:///")).parent / "mlruns").resolve().as_uri()
                mlflow.create_experiment(experiment, artifact_location=location)
            mlflow.set_experiment(experiment)
    return uri


def champion_version(name: str, data_dir: Path, alias: str = CHAMPION) -> Any | None:
    """The registered version of ``name`` that ``alias`` points at, or None (no store, no model or no alias)."""
    # mlflow: ~2 s to import, only when a run is logged or the registry is read
    from mlflow.tracking import MlflowClient

    uri = tracking_uri(data_dir)
    if uri.startswith("sqlite:///") and not Path(uri.removeprefix("sqlite:///")).exists():
        return None  # no tracking store yet: nothing registered, and no reason to create one just to look
    with ALEMBIC_LOCK:  # opening the store may migrate it
        configure(data_dir)
        try:
            return MlflowClient().get_model_version_by_alias(name, alias)
        except Exception:  # MLflow raises its own error, or a REST one, for an unknown model or alias
            return None


def set_champion(name: str, version: str, alias: str = CHAMPION) -> None:
    # mlflow: ~2 s to import, only when a run is logged or the registry is read
    from mlflow.tracking import MlflowClient

    MlflowClient().set_registered_model_alias(name, alias, version)


def register(run_id: str, name: str, artifact_path: str = "model", alias: str | None = CHAMPION) -> str:
    """Register ``runs:/<run_id>/<artifact_path>`` as a new version of ``name``; point ``alias`` at it."""
    # mlflow: ~2 s to import, only when a run is logged or the registry is read
    from mlflow.tracking import MlflowClient

    client = MlflowClient()
    try:
        client.get_registered_model(name)
    except Exception:
        client.create_registered_model(name)
    source = f"{client.get_run(run_id).info.artifact_uri}/{artifact_path}"
    version = client.create_model_version(name, source=source, run_id=run_id)
    if alias:
        set_champion(name, version.version, alias)
    return str(version.version)


def load_champion(name: str, data_dir: Path, alias: str = CHAMPION) -> Path | None:
    """The local folder of the version ``alias`` points at, or None when the registry has none."""
    # mlflow: ~2 s to import, only when a run is logged or the registry is read
    import mlflow

    version = champion_version(name, data_dir, alias)
    if version is None:
        return None
    source = version.source
    if source is None:
        return None
    if source.startswith("file://"):
        local = Path(source.removeprefix("file://"))
        if local.is_dir():
            return local
    return Path(mlflow.artifacts.download_artifacts(artifact_uri=source))
