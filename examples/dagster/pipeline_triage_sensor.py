"""Report failed Dagster runs to Pipeline Triage.

Add the sensor to your Definitions::

    from dagster import Definitions
    from pipeline_triage_sensor import pipeline_triage_run_failure

    defs = Definitions(jobs=[...], sensors=[pipeline_triage_run_failure])

It watches every code location of the instance (so one deployment of it is enough) and posts one
event per failed run, with the error, stack and cause chain of every failed step.

Environment of the code location that runs the sensor:
    PIPELINE_TRIAGE_URL          default http://localhost:7007/api/pipeline-triage/v1/events
    PIPELINE_TRIAGE_TOKEN        sent as ``Authorization: Bearer <token>``
    PIPELINE_TRIAGE_ENVIRONMENT  prod | staging | dev, default prod
    DAGSTER_UI_BASE_URL          e.g. https://dagster.acme.example, for the run link

Standard library only besides dagster itself. The sensor never raises: a delivery problem is
logged and the sensor moves on (Dagster would otherwise retry the same run forever).
"""

from __future__ import annotations

import email.utils
import json
import os
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone
from typing import Any, Optional

from dagster import DefaultSensorStatus, RunFailureSensorContext, run_failure_sensor

DEFAULT_URL = "http://localhost:7007/api/pipeline-triage/v1/events"
HTTP_TIMEOUT_SECONDS = 10
MAX_ATTEMPTS = 3
MAX_RETRY_WAIT_SECONDS = 10  # a sensor tick should stay short
MAX_CAUSE_DEPTH = 5
MAX_STACK_FRAMES = 60


@run_failure_sensor(
    name="pipeline_triage_run_failure",
    description="Posts failed runs to Pipeline Triage.",
    monitor_all_code_locations=True,  # `monitor_all_repositories=True` on Dagster < 1.6
    default_status=DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
)
def pipeline_triage_run_failure(context: RunFailureSensorContext) -> None:
    try:
        payload = build_payload(context)
    except Exception as err:  # noqa: BLE001
        context.log.warning(f"pipeline-triage: could not build the event: {err!r}")
        return
    post_event(payload, context.log)


# --------------------------------------------------------------------------- payload


def build_payload(context: RunFailureSensorContext) -> dict:
    run = context.dagster_run
    origin = getattr(run, "remote_job_origin", None) or getattr(run, "external_job_origin", None)
    repository_origin = getattr(origin, "repository_origin", None)
    start_time, end_time = _run_times(context, run.run_id)

    step_failures = []
    for event in context.get_step_failure_events():
        data = event.step_failure_data
        step_failures.append(
            {"step_key": event.step_key, "error": _error(data.error if data else None)}
        )

    base_url = os.environ.get("DAGSTER_UI_BASE_URL", "").rstrip("/")
    payload = {
        "source": "dagster",
        "run_id": run.run_id,
        "job_name": run.job_name,
        "repository": getattr(repository_origin, "repository_name", None),
        "location": getattr(origin, "location_name", None),
        "status": run.status.value,  # FAILURE
        "start_time": start_time,
        "end_time": end_time,
        "tags": dict(run.tags or {}),
        "step_failures": step_failures,
        "dagster_ui_url": f"{base_url}/runs/{run.run_id}" if base_url else None,
        "environment": os.environ.get("PIPELINE_TRIAGE_ENVIRONMENT", "prod"),
    }
    # A run can fail with no failed step (run worker killed, launch error): keep the run-level
    # message then, it is the only text there is.
    if not step_failures and context.failure_event is not None:
        payload["failure_message"] = context.failure_event.message
    return payload


def _error(info: Any, depth: int = 0) -> Optional[dict]:
    """A SerializableErrorInfo as a plain dict; follows `cause` (else the implicit `context`)."""
    if info is None or depth > MAX_CAUSE_DEPTH:
        return None
    nested = getattr(info, "cause", None) or getattr(info, "context", None)
    return {
        "cls_name": getattr(info, "cls_name", None),
        "message": getattr(info, "message", ""),
        "stack": list(getattr(info, "stack", None) or [])[-MAX_STACK_FRAMES:],
        "cause": _error(nested, depth + 1),
    }


def _run_times(context: RunFailureSensorContext, run_id: str) -> tuple[Optional[str], Optional[str]]:
    start = end = None
    try:
        record = context.instance.get_run_record_by_id(run_id)
        start, end = getattr(record, "start_time", None), getattr(record, "end_time", None)
    except Exception:  # noqa: BLE001
        pass
    if start is None:
        try:
            stats = context.instance.get_run_stats(run_id)
            start, end = stats.start_time, stats.end_time
        except Exception:  # noqa: BLE001
            pass
    return _iso(start), _iso(end)


def _iso(epoch: Optional[float]) -> Optional[str]:
    return datetime.fromtimestamp(epoch, tz=timezone.utc).isoformat() if epoch else None


# --------------------------------------------------------------------------- HTTP


def post_event(payload: dict, log: Any) -> bool:
    """POST with bounded retries on 429/502/503/504 and network errors, honouring Retry-After."""
    url = os.environ.get("PIPELINE_TRIAGE_URL", DEFAULT_URL)
    body = json.dumps(payload, default=str).encode("utf-8")
    headers = {"Content-Type": "application/json", "User-Agent": "pipeline-triage-dagster/1"}
    token = os.environ.get("PIPELINE_TRIAGE_TOKEN")
    if token:
        headers["Authorization"] = f"Bearer {token}"

    for attempt in range(1, MAX_ATTEMPTS + 1):
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT_SECONDS) as response:
                log.info(f"pipeline-triage: run {payload['run_id']} reported (HTTP {response.status})")
                return True
        except urllib.error.HTTPError as err:
            if err.code not in (429, 502, 503, 504) or attempt == MAX_ATTEMPTS:
                detail = err.read(2048).decode("utf-8", errors="replace")
                log.warning(f"pipeline-triage: event rejected (HTTP {err.code}): {detail}")
                return False
            wait = _retry_after(err.headers.get("Retry-After"), attempt)
        except (urllib.error.URLError, OSError) as err:
            if attempt == MAX_ATTEMPTS:
                log.warning(f"pipeline-triage: could not reach {url}: {err}")
                return False
            wait = _retry_after(None, attempt)
        time.sleep(wait)
    return False


def _retry_after(header: Optional[str], attempt: int) -> float:
    wait = float(2 ** (attempt - 1))
    if header:
        header = header.strip()
        if header.isdigit():
            wait = float(header)
        else:
            try:
                wait = (email.utils.parsedate_to_datetime(header) - datetime.now(timezone.utc)).total_seconds()
            except (TypeError, ValueError):
                pass
    return max(0.0, min(wait, MAX_RETRY_WAIT_SECONDS))
