"""AWS Lambda: forward "Glue Job State Change" events to Pipeline Triage.

An EventBridge rule (pattern in README.md) invokes ``handler`` with the event exactly as AWS
delivers it. The handler adds what the event lacks:

    jobRun   the GetJobRun response (attempt, timings, capacity, arguments, error message)
    logTail  the last lines of the run's CloudWatch error log stream (/aws-glue/jobs/error,
             stream = JobRunId), for FAILED / TIMEOUT / ERROR runs only

and posts the result to Pipeline Triage. Enrichment is best effort: if a lookup fails, the event
is forwarded without that part.

Environment:
    PIPELINE_TRIAGE_URL              default http://localhost:7007/api/pipeline-triage/v1/events
    PIPELINE_TRIAGE_TOKEN            bearer token, or
    PIPELINE_TRIAGE_TOKEN_SECRET_ID  a Secrets Manager secret id/ARN holding the token
    GLUE_ERROR_LOG_GROUP             override the error log group (default: <LogGroupName>/error)
    LOG_TAIL_LINES                   default 200

Dependencies: boto3 (in the Lambda runtime) and the standard library.
"""

from __future__ import annotations

import email.utils
import json
import logging
import os
import time
import urllib.error
import urllib.request
from datetime import date, datetime, timezone
from typing import Any, Optional

import boto3

log = logging.getLogger()
log.setLevel(logging.INFO)

DEFAULT_URL = "http://localhost:7007/api/pipeline-triage/v1/events"
HTTP_TIMEOUT_SECONDS = 10
MAX_ATTEMPTS = 4
MAX_RETRY_WAIT_SECONDS = 20
MAX_LOG_TAIL_BYTES = 64 * 1024
FAILED_STATES = {"FAILED", "TIMEOUT", "ERROR"}

# GetJobRun fields worth forwarding; the rest (e.g. NotificationProperty) adds nothing to triage.
JOB_RUN_FIELDS = (
    "Id", "Attempt", "PreviousRunId", "TriggerName", "JobName", "JobMode", "StartedOn",
    "LastModifiedOn", "CompletedOn", "JobRunState", "Arguments", "ErrorMessage",
    "PredecessorRuns", "AllocatedCapacity", "ExecutionTime", "Timeout", "MaxCapacity",
    "WorkerType", "NumberOfWorkers", "LogGroupName", "GlueVersion", "ExecutionClass", "DPUSeconds",
)

glue = boto3.client("glue")
logs = boto3.client("logs")
_token_cache: Optional[str] = None


class RetryableError(Exception):
    """Raised when delivery failed in a way worth another Lambda invocation."""


def handler(event: dict, context: Any = None) -> dict:
    if event.get("source") != "aws.glue" or event.get("detail-type") != "Glue Job State Change":
        log.info("ignoring event %s / %s", event.get("source"), event.get("detail-type"))
        return {"forwarded": False}

    detail = event.get("detail") or {}
    job_name, run_id, state = detail.get("jobName"), detail.get("jobRunId"), detail.get("state")
    enriched = dict(event)

    job_run = get_job_run(job_name, run_id)
    if job_run is not None:
        enriched["jobRun"] = job_run
    if state in FAILED_STATES:
        group = os.environ.get("GLUE_ERROR_LOG_GROUP") or (
            f"{(job_run or {}).get('LogGroupName') or '/aws-glue/jobs'}/error"
        )
        tail = get_log_tail(group, run_id)
        if tail:
            enriched["logTail"] = tail

    status = post_event(enriched)
    return {"forwarded": status is not None, "status": status, "jobName": job_name, "jobRunId": run_id}


# --------------------------------------------------------------------------- enrichment


def get_job_run(job_name: Optional[str], run_id: Optional[str]) -> Optional[dict]:
    if not (job_name and run_id):
        return None
    try:
        run = glue.get_job_run(JobName=job_name, RunId=run_id, PredecessorsIncluded=False)["JobRun"]
        return {key: run[key] for key in JOB_RUN_FIELDS if key in run}
    except Exception:  # noqa: BLE001 - forward without it
        log.warning("GetJobRun failed for %s %s", job_name, run_id, exc_info=True)
        return None


def get_log_tail(group: str, stream: Optional[str]) -> Optional[str]:
    """The last LOG_TAIL_LINES lines of the stream, at most MAX_LOG_TAIL_BYTES, oldest first."""
    if not stream:
        return None
    limit = int(os.environ.get("LOG_TAIL_LINES", "200"))
    try:
        response = logs.get_log_events(
            logGroupName=group, logStreamName=stream, startFromHead=False, limit=limit
        )
    except logs.exceptions.ResourceNotFoundException:
        log.info("no log stream %s in %s", stream, group)
        return None
    except Exception:  # noqa: BLE001
        log.warning("GetLogEvents failed for %s %s", group, stream, exc_info=True)
        return None
    lines = [e.get("message", "").rstrip("\n") for e in response.get("events", [])]
    text = "\n".join(lines)
    return text[-MAX_LOG_TAIL_BYTES:] or None


# --------------------------------------------------------------------------- delivery


def _token() -> Optional[str]:
    """PIPELINE_TRIAGE_TOKEN, else the Secrets Manager secret, cached per Lambda container."""
    global _token_cache
    if _token_cache is None:
        _token_cache = os.environ.get("PIPELINE_TRIAGE_TOKEN") or ""
        secret_id = os.environ.get("PIPELINE_TRIAGE_TOKEN_SECRET_ID")
        if not _token_cache and secret_id:
            secret = boto3.client("secretsmanager").get_secret_value(SecretId=secret_id)
            _token_cache = secret.get("SecretString", "").strip()
    return _token_cache or None


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def post_event(payload: dict) -> Optional[int]:
    """POST with bounded retries on 429/5xx/network errors, honouring Retry-After.

    Returns the HTTP status when accepted, None when the server refused the event for good
    (4xx other than 429: retrying cannot help). Raises RetryableError when retries ran out,
    so Lambda's asynchronous retries and the function's dead-letter queue take over.
    """
    url = os.environ.get("PIPELINE_TRIAGE_URL", DEFAULT_URL)
    body = json.dumps(payload, default=_json_default).encode("utf-8")
    headers = {"Content-Type": "application/json", "User-Agent": "pipeline-triage-glue-forwarder/1"}
    token = _token()
    if token:
        headers["Authorization"] = f"Bearer {token}"

    last_error = "no attempt"
    for attempt in range(1, MAX_ATTEMPTS + 1):
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT_SECONDS) as response:
                log.info("forwarded %s (HTTP %s)", payload.get("detail", {}).get("jobRunId"), response.status)
                return response.status
        except urllib.error.HTTPError as err:
            if err.code != 429 and err.code < 500:
                log.error("Pipeline Triage refused the event (HTTP %s): %s",
                          err.code, err.read(2048).decode("utf-8", errors="replace"))
                return None
            last_error = f"HTTP {err.code}"
            wait = _retry_after(err.headers.get("Retry-After"), attempt)
        except (urllib.error.URLError, OSError) as err:
            last_error = str(err)
            wait = _retry_after(None, attempt)
        if attempt < MAX_ATTEMPTS:
            log.info("retrying in %.1f s after %s", wait, last_error)
            time.sleep(wait)
    raise RetryableError(f"could not deliver to {url}: {last_error}")


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
