"""Report Airflow task failures (and recoveries) to Pipeline Triage.

Three ways in, all posting the same ``source: airflow`` payload:

- the listener plugin (``pipeline_triage_airflow.plugin``), registered by installing this package:
  every task of every DAG, no DAG edits;
- ``PipelineTriageNotifier``, a Notifier for ``on_failure_callback`` / ``on_success_callback``;
- ``on_failure_callback`` / ``on_success_callback``, plain callback functions.

Standard library only; nothing here ever raises into a task.
"""

from pipeline_triage_airflow.callbacks import on_failure_callback, on_success_callback, report
from pipeline_triage_airflow.client import post_event
from pipeline_triage_airflow.payload import build_payload

__all__ = ["build_payload", "on_failure_callback", "on_success_callback", "post_event", "report"]
