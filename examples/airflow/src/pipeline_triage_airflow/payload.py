"""The ``source: airflow`` payload Pipeline Triage's Airflow adapter accepts, built from an Airflow
callback context (Airflow 2.6+ and 3). Never raises for a missing attribute: Airflow 2's
TaskInstance and Airflow 3's RuntimeTaskInstance carry different ones."""

from __future__ import annotations

import logging
import os
import socket
import traceback
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Mapping, Optional

log = logging.getLogger(__name__)

MAX_LOG_BYTES = 64 * 1024  # read at most this much from the end of the task log
MAX_LOG_LINES = 200
MAX_TRACEBACK_CHARS = 32 * 1024


def build_payload(context: Mapping[str, Any], state: str) -> dict:
    """Build the ``source: airflow`` payload from an Airflow callback context."""
    ti = context.get("ti") or context.get("task_instance")
    dag_run = context.get("dag_run")
    task = context.get("task")

    exception = context.get("exception") if state == "failed" else None
    exception_text, exception_type, trace = _describe_exception(exception)

    start = _attr(ti, "start_date")
    end = _attr(ti, "end_date") or datetime.now(timezone.utc)
    duration = _attr(ti, "duration")
    if duration is None and isinstance(start, datetime) and isinstance(end, datetime):
        duration = (end - start).total_seconds()

    logical_date = (
        context.get("logical_date")
        or _attr(dag_run, "logical_date")
        or context.get("execution_date")
    )

    payload = {
        "source": "airflow",
        "state": state,
        "dag_id": _attr(ti, "dag_id") or _attr(context.get("dag"), "dag_id"),
        "task_id": _attr(ti, "task_id") or _attr(task, "task_id"),
        "run_id": _attr(ti, "run_id") or _attr(dag_run, "run_id") or context.get("run_id"),
        "try_number": _attr(ti, "try_number"),
        "max_tries": _attr(ti, "max_tries"),
        "logical_date": _iso(logical_date),
        "start_date": _iso(start),
        "end_date": _iso(end),
        "duration": duration,
        "exception": exception_text,
        "exception_type": exception_type,
        "traceback": trace,
        "log_url": _attr(ti, "log_url"),
        "log_tail": None,
        "hostname": _attr(ti, "hostname") or socket.getfqdn(),
        "operator": _attr(ti, "operator") or (type(task).__name__ if task is not None else None),
        "environment": os.environ.get("PIPELINE_TRIAGE_ENVIRONMENT", "prod"),
    }
    # Without an exception (process killed by the OOM killer, zombie, SIGTERM), the task log is
    # the only evidence: attach its tail.
    if state == "failed" and exception_text is None:
        payload["log_tail"] = read_log_tail(ti)
    return payload


def _describe_exception(exc: Any) -> tuple[Optional[str], Optional[str], Optional[str]]:
    if exc is None:
        return None, None, None
    if isinstance(exc, BaseException):
        cls = type(exc)
        module = cls.__module__
        name = cls.__qualname__ if module in ("builtins", "__main__") else f"{module}.{cls.__qualname__}"
        trace = "".join(traceback.format_exception(cls, exc, exc.__traceback__))
        return str(exc) or name, name, trace[-MAX_TRACEBACK_CHARS:]
    # Some Airflow versions pass a plain message, e.g. for tasks detected as zombies.
    return str(exc), None, None


def _attr(obj: Any, name: str) -> Any:
    if obj is None:
        return None
    try:
        return getattr(obj, name, None)
    except Exception:  # noqa: BLE001 - some properties query the database
        return None


def _iso(value: Any) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.isoformat()
    return str(value)


# --------------------------------------------------------------------------- task log


def read_log_tail(ti: Any) -> Optional[str]:
    """Best effort: the last lines of this attempt's local log file, or None.

    Reads at most MAX_LOG_BYTES from the end of the file. Only local logs are read: with remote
    logging, or when the callback runs on a scheduler that does not share the workers' log
    volume, there is no local file and the payload goes without a tail.
    """
    try:
        path = _find_log_file(ti)
        if path is None:
            return None
        with open(path, "rb") as fh:
            size = fh.seek(0, os.SEEK_END)
            start = max(0, size - MAX_LOG_BYTES)
            fh.seek(start)
            data = fh.read(MAX_LOG_BYTES)
        lines = data.decode("utf-8", errors="replace").splitlines()
        if start > 0 and lines:
            lines = lines[1:]  # the first line was cut by the seek
        return "\n".join(lines[-MAX_LOG_LINES:]) or None
    except Exception:  # noqa: BLE001
        log.debug("pipeline-triage: no task log tail", exc_info=True)
        return None


def _base_log_folder() -> Path:
    try:
        from airflow.configuration import conf  # imported lazily: optional at import time

        folder = conf.get("logging", "base_log_folder", fallback=None)
        if folder:
            return Path(folder)
    except Exception:  # noqa: BLE001
        pass
    folder = os.environ.get("AIRFLOW__LOGGING__BASE_LOG_FOLDER")
    if folder:
        return Path(folder)
    return Path(os.environ.get("AIRFLOW_HOME", str(Path.home() / "airflow"))) / "logs"


def _find_log_file(ti: Any) -> Optional[Path]:
    """Locate the log with Airflow's default file name template, then fall back to the newest
    attempt in the task's folder (the try number seen in callbacks differs between versions)."""
    dag_id, run_id, task_id = _attr(ti, "dag_id"), _attr(ti, "run_id"), _attr(ti, "task_id")
    if not (dag_id and run_id and task_id):
        return None
    folder = _base_log_folder() / f"dag_id={dag_id}" / f"run_id={run_id}" / f"task_id={task_id}"
    map_index = _attr(ti, "map_index")
    if isinstance(map_index, int) and map_index >= 0:
        folder = folder / f"map_index={map_index}"
    try_number = _attr(ti, "try_number")
    if try_number:
        exact = folder / f"attempt={try_number}.log"
        if exact.is_file():
            return exact
    if not folder.is_dir():
        return None
    attempts = sorted(folder.glob("attempt=*.log"), key=lambda p: p.stat().st_mtime)
    return attempts[-1] if attempts else None


def ti_state(ti: Any) -> Optional[str]:
    """The task instance's state as a plain string (Airflow's TaskInstanceState is a str enum)."""
    state = _attr(ti, "state")
    if state is None:
        return None
    return str(getattr(state, "value", state)).lower()
