"""POST a payload to Pipeline Triage with the standard library: bounded retries, gzip for large
bodies, the endpoint and token from the environment or an Airflow connection."""

from __future__ import annotations

import email.utils
import gzip
import json
import logging
import os
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone
from typing import Optional, Tuple

log = logging.getLogger(__name__)

DEFAULT_URL = "http://localhost:7007/api/pipeline-triage/v1/events"
DEFAULT_CONN_ID = "pipeline_triage_default"
INGEST_PATH = "/api/pipeline-triage/v1/events"
HTTP_TIMEOUT_SECONDS = 10
MAX_ATTEMPTS = 4  # one try and up to three retries
MAX_RETRY_WAIT_SECONDS = 30  # never hold a worker slot longer than this per wait
GZIP_ABOVE_BYTES = 8 * 1024  # tracebacks and log tails compress well; small bodies are not worth it


def _connection(conn_id: str):
    """The Airflow connection, or None when Airflow or the connection is not there."""
    try:
        try:
            from airflow.sdk import BaseHook  # Airflow 3
        except ImportError:
            from airflow.hooks.base import BaseHook  # Airflow 2
        return BaseHook.get_connection(conn_id)
    except Exception:  # noqa: BLE001 - no connection configured is a normal case
        return None


def settings(conn_id: Optional[str] = None) -> Tuple[str, Optional[str]]:
    """(url, token): PIPELINE_TRIAGE_URL / PIPELINE_TRIAGE_TOKEN win; otherwise the connection
    (``pipeline_triage_default`` or PIPELINE_TRIAGE_CONN_ID): its host (a full URL, or a host name
    completed with schema, port and the ingest path) and its password as the token."""
    url = os.environ.get("PIPELINE_TRIAGE_URL")
    token = os.environ.get("PIPELINE_TRIAGE_TOKEN")
    if url and token:
        return url, token
    conn = _connection(conn_id or os.environ.get("PIPELINE_TRIAGE_CONN_ID", DEFAULT_CONN_ID))
    if conn is not None:
        host = getattr(conn, "host", None)
        if not url and host:
            if "://" in host:
                url = host
            else:
                port = getattr(conn, "port", None)
                url = f"{getattr(conn, 'schema', None) or 'https'}://{host}{f':{port}' if port else ''}{INGEST_PATH}"
        token = token or getattr(conn, "password", None) or None
    return url or DEFAULT_URL, token


def encode(payload: dict) -> Tuple[bytes, dict]:
    """The body and headers of one POST."""
    body = json.dumps(payload, default=str).encode("utf-8")
    headers = {"Content-Type": "application/json", "User-Agent": "pipeline-triage-airflow/0.1"}
    if len(body) > GZIP_ABOVE_BYTES:
        body = gzip.compress(body)
        headers["Content-Encoding"] = "gzip"
    return body, headers


def post_event(payload: dict, conn_id: Optional[str] = None) -> bool:
    """POST the payload; retry on 429/502/503/504 and network errors, a bounded number of times.

    Honours ``Retry-After`` (seconds or an HTTP date), capped at MAX_RETRY_WAIT_SECONDS.
    Returns True when the server accepted the event; logs and returns False otherwise.
    """
    url, token = settings(conn_id)
    body, headers = encode(payload)
    if token:
        headers["Authorization"] = f"Bearer {token}"

    for attempt in range(1, MAX_ATTEMPTS + 1):
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT_SECONDS) as response:
                log.info("pipeline-triage: event accepted (HTTP %s)", response.status)
                return True
        except urllib.error.HTTPError as err:
            if err.code not in (429, 502, 503, 504) or attempt == MAX_ATTEMPTS:
                detail = err.read(2048).decode("utf-8", errors="replace")
                log.warning("pipeline-triage: event rejected (HTTP %s): %s", err.code, detail)
                return False
            wait = _retry_after(err.headers.get("Retry-After"), attempt)
        except (urllib.error.URLError, OSError) as err:
            if attempt == MAX_ATTEMPTS:
                log.warning("pipeline-triage: could not reach %s: %s", url, err)
                return False
            wait = _retry_after(None, attempt)
        log.info("pipeline-triage: retrying in %.1f s (attempt %d of %d)", wait, attempt + 1, MAX_ATTEMPTS)
        time.sleep(wait)
    return False


def _retry_after(header: Optional[str], attempt: int) -> float:
    """Seconds to wait: the server's Retry-After when given, else exponential backoff."""
    wait = float(2 ** (attempt - 1))
    if header:
        header = header.strip()
        if header.isdigit():
            wait = float(header)
        else:
            try:
                when = email.utils.parsedate_to_datetime(header)
                wait = (when - datetime.now(timezone.utc)).total_seconds()
            except (TypeError, ValueError):
                pass
    return max(0.0, min(wait, MAX_RETRY_WAIT_SECONDS))
