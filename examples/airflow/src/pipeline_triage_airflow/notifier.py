"""A Notifier (Airflow 2.6+ ``BaseNotifier``, Airflow 3's task SDK ``BaseNotifier``).

    from pipeline_triage_airflow.notifier import PipelineTriageNotifier

    default_args = {
        "on_failure_callback": PipelineTriageNotifier(),
        "on_success_callback": PipelineTriageNotifier(),
    }
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from pipeline_triage_airflow.callbacks import report
from pipeline_triage_airflow.payload import ti_state

try:
    from airflow.sdk import BaseNotifier  # Airflow 3
except ImportError:  # Airflow 2.6 - 2.11
    from airflow.notifications.basenotifier import BaseNotifier


class PipelineTriageNotifier(BaseNotifier):
    """Posts the task instance's outcome to Pipeline Triage.

    ``state`` is ``failed`` or ``success``; by default it is read from the task instance (a
    callback context does not say which callback it is), and a context with an exception is a
    failure.
    """

    template_fields = ("conn_id",)

    def __init__(self, *, state: Optional[str] = None, conn_id: Optional[str] = None) -> None:
        super().__init__()
        if state not in (None, "failed", "success"):
            raise ValueError("state must be 'failed' or 'success'")
        self.state = state
        self.conn_id = conn_id

    def notify(self, context: Mapping[str, Any]) -> None:
        state = self.state
        if state is None:
            current = ti_state(context.get("ti") or context.get("task_instance"))
            state = "success" if current == "success" and context.get("exception") is None else "failed"
        report(context, state, self.conn_id)
