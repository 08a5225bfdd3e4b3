import zlib from 'node:zlib';
import type { ReplayedRequest } from './replayRequest';

/**
 * The requests the OpenLineage clients build, after their source (OpenLineage 1.x):
 *  - Python `HttpTransport` (client/python/.../transport/http.py): POST to
 *    `urljoin(url, endpoint)`, endpoint default `api/v1/lineage`; body `Serde.to_json(event)`
 *    (json.dumps, sort_keys, nulls removed); headers Content-Type: application/json,
 *    `Authorization: Bearer <apiKey>` for auth type api_key, `Content-Encoding: gzip` with
 *    compression gzip (gzip level 3); requests' session defaults add User-Agent, Accept,
 *    Accept-Encoding and Connection. Airflow's provider and dbt-ol use this client.
 *  - Java `HttpTransport` (client/java/.../transports/HttpTransport.java): a `url` with a path is
 *    used as it is (an endpoint beside it is an error); only a bare host gets the endpoint, default
 *    `/api/v1/lineage`. Jackson body; Accept and Content-Type `application/json; charset=UTF-8`;
 *    Authorization from the api_key token provider; gzip through a streamed
 *    GzipCompressingEntity (chunked) plus Content-Encoding. Spark and Flink use this client.
 *
 * The Python request was compared once with what the client itself sends (its source from the
 * OpenLineage repository at 8f02abf run with requests 2.34.2 against a capturing server): same
 * path, same headers but the requests version in User-Agent, the same body bytes, and the same
 * JSON after gunzip (gzip headers carry a timestamp). The Java headers were compared with what
 * httpclient5 (5.1.3) sends for HttpTransport's setHeaders/setBody calls: the same set, chunked.
 */

export interface PythonHttpConfig {
  url: string;
  endpoint?: string;
  auth?: { type: 'api_key'; apiKey: string };
  compression?: 'gzip';
}

/** urljoin(url, endpoint): RFC 3986 reference resolution, as Python's urllib.parse does it. */
export function urljoin(base: string, ref: string): URL {
  return new URL(ref, base);
}

/** json.dumps(obj, sort_keys=True) with Python's default separators and ensure_ascii. */
export function pythonJsonDumps(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map(
        k =>
          `${pythonString(k)}: ${pythonJsonDumps(
            (value as Record<string, unknown>)[k],
          )}`,
      );
    return `{${entries.join(', ')}}`;
  }
  if (typeof value === 'string') return pythonString(value);
  return JSON.stringify(value);
}

function pythonString(s: string): string {
  return JSON.stringify(s).replace(
    /[\u007f-\uffff]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Serde.to_dict: None values are dropped before serialising. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

export function pythonClientRequest(
  config: PythonHttpConfig,
  event: unknown,
): ReplayedRequest & { url: URL } {
  const url = urljoin(config.url.trim(), config.endpoint ?? 'api/v1/lineage');
  const json = pythonJsonDumps(withoutNulls(event));
  const headers: Record<string, string> = {
    'user-agent': 'python-requests/2.34.2',
    'accept-encoding': 'gzip, deflate',
    accept: '*/*',
    connection: 'keep-alive',
    'content-type': 'application/json',
  };
  if (config.auth) headers.authorization = `Bearer ${config.auth.apiKey}`;
  let body = Buffer.from(json, 'utf8');
  if (config.compression === 'gzip') {
    headers['content-encoding'] = 'gzip';
    body = zlib.gzipSync(body, { level: 3 });
  }
  return { url, path: url.pathname + url.search, headers, body };
}

export interface JavaHttpConfig {
  url: string;
  endpoint?: string;
  apiKey?: string;
  compression?: 'gzip';
}

export function javaClientRequest(
  config: JavaHttpConfig,
  event: unknown,
): ReplayedRequest & { url: URL } {
  const url = new URL(config.url);
  // java.net.URI#getPath: "" for https://host, "/" for https://host/ (not blank: used as it is).
  const rawPath = config.url
    .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '')
    .replace(/[?#].*$/, '');
  if (rawPath.trim() !== '') {
    if (config.endpoint)
      throw new Error("You can't pass both uri and endpoint parameters.");
  } else {
    url.pathname = config.endpoint ?? '/api/v1/lineage';
  }
  const headers: Record<string, string> = {
    accept: 'application/json; charset=UTF-8',
    'content-type': 'application/json; charset=UTF-8',
    'user-agent': 'Apache-HttpClient/5.1.3 (Java/17.0.15)',
    'accept-encoding': 'gzip, x-gzip, deflate',
    connection: 'keep-alive',
  };
  if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;
  let body = Buffer.from(JSON.stringify(withoutNulls(event)), 'utf8');
  if (config.compression === 'gzip') {
    headers['content-encoding'] = 'gzip';
    body = zlib.gzipSync(body);
  }
  return {
    url,
    path: url.pathname + url.search,
    headers,
    body,
    chunked: config.compression === 'gzip',
  };
}
