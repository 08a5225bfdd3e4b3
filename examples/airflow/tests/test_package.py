"""Tests of pipeline_triage_airflow against stubbed Airflow 2.9, 2.10 and 3 (no Airflow needed)."""

from __future__ import annotations

import gzip
import json
import os
import sys
import threading
import unittest
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

import airflow_stubs as stubs  # noqa: E402
from task_instances import (  # noqa: E402
    Airflow2TaskInstance,
    Airflow3RuntimeTaskInstance,
    snowflake_error,
)

# The payload the Airflow 3 listener posts for the failure below; the backend's jest test posts
# this same file and checks it becomes an incident.
FIXTURE = HERE / "fixtures" / "listener-failed-airflow3.json"
ENV = {"PIPELINE_TRIAGE_ENVIRONMENT": "prod"}


def fail_through_listener(version, ti, error):
    """Airflow calling the installed listener's failure hook, as pluggy would."""
    listener = stubs.load("pipeline_triage_airflow.listener")
    callbacks = stubs.load("pipeline_triage_airflow.callbacks")
    sent = []
    with mock.patch.object(callbacks, "post_event", lambda payload, conn_id=None: sent.append(payload)):
        stubs.call_hook(
            listener.on_task_instance_failed,
            stubs.FAILED_SPECS[version],
            previous_state="running",
            task_instance=ti,
            error=error,
            session=object(),
        )
    return sent


@mock.patch.dict(os.environ, ENV)
class ListenerTest(unittest.TestCase):
    def test_airflow3_failure_posts_the_fixture_payload(self):
        stubs.install("3")
        sent = fail_through_listener("3", Airflow3RuntimeTaskInstance(), snowflake_error())
        self.assertEqual(sent, [json.loads(FIXTURE.read_text(encoding="utf-8"))])

    def test_airflow2_10_failure_reads_the_task_instance_columns(self):
        stubs.install("2.10")
        [payload] = fail_through_listener("2.10", Airflow2TaskInstance(), snowflake_error())
        self.assertEqual(payload["operator"], "SQLExecuteQueryOperator")
        self.assertEqual(payload["duration"], 8.441906)
        self.assertEqual(payload["logical_date"], "2026-11-19T05:00:00+00:00")
        self.assertEqual(payload["exception_type"], "snowflake.connector.errors.ProgrammingError")
        self.assertEqual((payload["state"], payload["try_number"], payload["max_tries"]), ("failed", 3, 2))

    def test_airflow2_9_spec_has_no_error_argument_and_the_hook_still_reports(self):
        stubs.install("2.9")
        listener = stubs.load("pipeline_triage_airflow.listener")
        self.assertNotIn("error", listener.on_task_instance_failed.__code__.co_varnames)
        [payload] = fail_through_listener("2.9", Airflow2TaskInstance(), None)
        self.assertIsNone(payload["exception"])
        self.assertEqual(payload["dag_id"], "finance_revenue_daily")

    def test_every_version_accepts_the_hooks_and_reports_success(self):
        for version, ti in (("2.9", Airflow2TaskInstance), ("2.10", Airflow2TaskInstance), ("3", Airflow3RuntimeTaskInstance)):
            with self.subTest(version=version):
                stubs.install(version)
                listener = stubs.load("pipeline_triage_airflow.listener")
                callbacks = stubs.load("pipeline_triage_airflow.callbacks")
                sent = []
                with mock.patch.object(callbacks, "post_event", lambda p, c=None: sent.append(p)):
                    stubs.call_hook(
                        listener.on_task_instance_success,
                        stubs.SUCCESS_SPECS[version],
                        previous_state="running",
                        task_instance=ti(state="success"),
                        session=object(),
                    )
                self.assertEqual([p["state"] for p in sent], ["success"])
                self.assertIsNone(sent[0]["exception"])

    def test_an_attempt_airflow_will_retry_is_not_reported(self):
        stubs.install("2.10")
        self.assertEqual(fail_through_listener("2.10", Airflow2TaskInstance(state="up_for_retry"), snowflake_error()), [])

    def test_the_plugin_registers_the_listener(self):
        stubs.install("3")
        plugin = stubs.load("pipeline_triage_airflow.plugin")
        listener = stubs.load("pipeline_triage_airflow.listener")
        self.assertEqual(plugin.PipelineTriagePlugin.listeners, [listener])


@mock.patch.dict(os.environ, ENV)
class NotifierTest(unittest.TestCase):
    def notify(self, version, ti, **kwargs):
        stubs.install(version)
        notifier = stubs.load("pipeline_triage_airflow.notifier")
        callbacks = stubs.load("pipeline_triage_airflow.callbacks")
        sent = []
        with mock.patch.object(callbacks, "post_event", lambda p, c=None: sent.append((p, c))):
            notifier.PipelineTriageNotifier(**kwargs)({"ti": ti, "exception": kwargs.pop("exception", None)})
        return sent

    def test_subclasses_the_base_notifier_of_each_version(self):
        for version, base in (("2.10", "airflow.notifications.basenotifier"), ("3", "airflow.sdk")):
            with self.subTest(version=version):
                stubs.install(version)
                notifier = stubs.load("pipeline_triage_airflow.notifier")
                self.assertTrue(issubclass(notifier.PipelineTriageNotifier, sys.modules[base].BaseNotifier))

    def test_state_comes_from_the_task_instance_unless_given(self):
        [(payload, _)] = self.notify("3", Airflow3RuntimeTaskInstance(state="success"))
        self.assertEqual(payload["state"], "success")
        [(payload, _)] = self.notify("2.10", Airflow2TaskInstance(state="failed"))
        self.assertEqual(payload["state"], "failed")
        [(payload, conn)] = self.notify("3", Airflow3RuntimeTaskInstance(state="success"), state="failed", conn_id="pt_other")
        self.assertEqual((payload["state"], conn), ("failed", "pt_other"))

    def test_rejects_an_unknown_state(self):
        stubs.install("3")
        notifier = stubs.load("pipeline_triage_airflow.notifier")
        with self.assertRaises(ValueError):
            notifier.PipelineTriageNotifier(state="up_for_retry")


class Recorder(BaseHTTPRequestHandler):
    """A local ingest endpoint: records each request; answers the queued statuses, then 202."""

    requests: list = []
    statuses: list = []

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Recorder.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
        status = Recorder.statuses.pop(0) if Recorder.statuses else 202
        self.send_response(status)
        if status == 503:
            self.send_header("Retry-After", "0")
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"results": []}')

    def log_message(self, *args):
        pass


class HttpTest(unittest.TestCase):
    def setUp(self):
        Recorder.requests, Recorder.statuses = [], []
        self.server = HTTPServer(("127.0.0.1", 0), Recorder)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/api/pipeline-triage/v1/events"

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()

    def test_posts_the_exact_body_with_the_bearer_token(self):
        stubs.install("3")
        listener = stubs.load("pipeline_triage_airflow.listener")
        env = {**ENV, "PIPELINE_TRIAGE_URL": self.url, "PIPELINE_TRIAGE_TOKEN": "sender-token"}
        with mock.patch.dict(os.environ, env):
            stubs.call_hook(
                listener.on_task_instance_failed,
                stubs.FAILED_SPECS["3"],
                previous_state="running",
                task_instance=Airflow3RuntimeTaskInstance(),
                error=snowflake_error(),
            )
        [req] = Recorder.requests
        expected = json.dumps(json.loads(FIXTURE.read_text(encoding="utf-8"))).encode("utf-8")
        self.assertEqual(req["body"], expected)
        self.assertEqual(req["path"], "/api/pipeline-triage/v1/events")
        self.assertEqual(req["headers"]["Authorization"], "Bearer sender-token")
        self.assertEqual(req["headers"]["Content-Type"], "application/json")
        self.assertNotIn("Content-Encoding", req["headers"])

    def test_gzips_a_large_body_and_retries_a_503(self):
        stubs.install("3")
        client = stubs.load("pipeline_triage_airflow.client")
        Recorder.statuses = [503]
        payload = {"source": "airflow", "state": "failed", "traceback": "x" * 50_000}
        with mock.patch.dict(os.environ, {"PIPELINE_TRIAGE_URL": self.url, "PIPELINE_TRIAGE_TOKEN": "t"}):
            self.assertTrue(client.post_event(payload))
        self.assertEqual(len(Recorder.requests), 2)
        for req in Recorder.requests:
            self.assertEqual(req["headers"]["Content-Encoding"], "gzip")
            self.assertEqual(json.loads(gzip.decompress(req["body"])), payload)

    def test_url_and_token_from_an_airflow_connection(self):
        host = f"http://127.0.0.1:{self.server.server_port}"
        stubs.install("2.10", {"pipeline_triage_default": stubs.Connection(host=host, password="conn-token")})
        client = stubs.load("pipeline_triage_airflow.client")
        with mock.patch.dict(os.environ, {}, clear=True):
            self.assertEqual(client.settings(), (host, "conn-token"))
            stubs.install("3", {"pt": stubs.Connection(host="127.0.0.1", schema="http", port=self.server.server_port, password="c")})
            client = stubs.load("pipeline_triage_airflow.client")
            self.assertEqual(client.settings("pt"), (self.url, "c"))
            self.assertTrue(client.post_event({"source": "airflow"}, "pt"))
        self.assertEqual(Recorder.requests[-1]["headers"]["Authorization"], "Bearer c")
        with mock.patch.dict(os.environ, {"PIPELINE_TRIAGE_URL": "https://env.example/x", "PIPELINE_TRIAGE_TOKEN": "env"}):
            self.assertEqual(client.settings("pt"), ("https://env.example/x", "env"))

    def test_a_refused_event_is_logged_and_never_raised_into_the_task(self):
        stubs.install("3")
        callbacks = stubs.load("pipeline_triage_airflow.callbacks")
        Recorder.statuses = [400]
        with mock.patch.dict(os.environ, {"PIPELINE_TRIAGE_URL": self.url, "PIPELINE_TRIAGE_TOKEN": "t"}):
            with self.assertLogs("pipeline_triage_airflow.client", "WARNING") as logs:
                callbacks.on_failure_callback({"ti": Airflow2TaskInstance(), "exception": snowflake_error()})
        self.assertIn("HTTP 400", "\n".join(logs.output))


if __name__ == "__main__":
    unittest.main()
