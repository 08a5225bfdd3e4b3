"""Plain Airflow callbacks, for DAGs that wire reporting in by hand."""

from __future__ import annotations

import logging
from typing import Any, Mapping, Optional

from pipeline_triage_airflow.client import post_event
from pipeline_triage_airflow.payload import build_payload

log = logging.getLogger(__name__)


def report(context: Mapping[str, Any], state: str, conn_id: Optional[str] = None) -> None:
    """Build and post the payload; a reporting problem is logged, never raised into the task."""
    try:
        post_event(build_payload(context, state), conn_id)
    except Exception:  # noqa: BLE001 - a reporting problem must never fail the task
        log.warning("pipeline-triage: could not report the %s task", state, exc_info=True)


def on_failure_callback(context: Mapping[str, Any]) -> None:
    """``on_failure_callback``: Airflow calls it once, after the last attempt failed."""
    report(context, "failed")


def on_success_callback(context: Mapping[str, Any]) -> None:
    """``on_success_callback``: the success lets an open incident on the task resolve."""
    report(context, "success")
