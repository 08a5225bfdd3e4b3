import { randomBytes, randomInt } from 'crypto';
import fc from 'fast-check';
import { redactSecrets } from './redactSecrets';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const pick = (alphabet: string, n: number) =>
  Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join(
    '',
  );
const b64 = (bytes: number) => randomBytes(bytes).toString('base64');
const b64url = (bytes: number) => randomBytes(bytes).toString('base64url');

/** Fresh secrets every run, so the patterns are tested, not a list of known strings. */
function secrets() {
  return {
    akia: `AKIA${pick(UPPER, 16)}`,
    asia: `ASIA${pick(UPPER, 16)}`,
    awsSecret: pick(`${ALNUM}/+`, 40),
    bearer: b64url(32),
    openai: `sk-proj-${pick(`${ALNUM}_-`, 48)}`,
    anthropic: `sk-ant-api03-${pick(`${ALNUM}_-`, 80)}`,
    slack: `xoxb-${pick('0123456789', 12)}-${pick('0123456789', 13)}-${pick(
      ALNUM,
      24,
    )}`,
    github: `ghp_${pick(ALNUM, 36)}`,
    google: `AIza${pick(`${ALNUM}_-`, 35)}`,
    password: `${pick(ALNUM, 10)}!#%`,
    azureKey: b64(64),
    jwt: `eyJ${b64url(18)}.eyJ${b64url(60)}.${b64url(32)}`,
    pem: `-----BEGIN RSA PRIVATE KEY-----\n${b64(48)}\n${b64(48)}\n${b64(
      20,
    )}\n-----END RSA PRIVATE KEY-----`,
  };
}

describe('redactSecrets', () => {
  it('removes every kind of secret from a realistic log and keeps the rest', () => {
    const s = secrets();
    const log = [
      `[2026-11-20, 02:03:11 UTC] {base.py:84} INFO - Using connection ID 'aws_default' with key ${s.akia}`,
      `export AWS_ACCESS_KEY_ID=${s.asia} AWS_SECRET_ACCESS_KEY=${s.awsSecret}`,
      `aws_secret_access_key = ${s.awsSecret}`,
      `DEBUG urllib3: send: b'GET /api/v2/runs HTTP/1.1\\r\\nHost: api.acme.example\\r\\nAuthorization: Bearer ${s.bearer}\\r\\n'`,
      `curl -H "Authorization: Bearer ${s.bearer}" https://api.acme.example/v1/jobs`,
      `requests.exceptions.HTTPError: 401 for token bearer ${s.bearer}`,
      `openai.AuthenticationError: Incorrect API key provided: ${s.openai}`,
      `ANTHROPIC_API_KEY=${s.anthropic}`,
      `slack_sdk.errors.SlackApiError: invalid_auth (token ${s.slack})`,
      `git clone https://x-access-token:${s.github}@github.com/acme/pipelines.git`,
      `fatal: could not read from https://github.com with ${s.github}`,
      `googleapiclient.errors.HttpError: key=${s.google} rejected`,
      `sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to "postgresql://etl_user:${s.password}@db.prod.acme.internal:5432/analytics" failed`,
      `snowflake.connector: connecting to snowflake://LOADER:${s.password}@acme-xy12345/RAW?warehouse=LOAD_WH`,
      `jdbc:sqlserver://sql.acme.internal:1433;databaseName=finance;user=sa;password=${s.password};encrypt=true`,
      `DSN: host=db.acme.internal port=5432 user=etl password=${s.password} dbname=analytics`,
      `DefaultEndpointsProtocol=https;AccountName=acmelake;AccountKey=${s.azureKey};EndpointSuffix=core.windows.net`,
      `{"user": "etl", "password": "${s.password} with spaces"}`,
      `id_token: ${s.jwt}`,
      s.pem,
      'java.sql.SQLException: Login failed for user etl',
    ].join('\n');

    const out = redactSecrets(log);
    for (const [name, value] of Object.entries(s)) {
      expect({ name, leaked: out.includes(value) }).toEqual({
        name,
        leaked: false,
      });
    }
    expect(out).toContain('[REDACTED:aws_access_key_id]');
    expect(out).toContain(
      'AWS_SECRET_ACCESS_KEY=[REDACTED:aws_secret_access_key]',
    );
    expect(out).toContain('Authorization: [REDACTED:authorization]');
    expect(out).toContain('bearer [REDACTED:bearer_token]');
    expect(out).toContain('[REDACTED:anthropic_api_key]');
    expect(out).toContain('[REDACTED:openai_api_key]');
    expect(out).toContain('[REDACTED:slack_token]');
    expect(out).toContain('[REDACTED:github_token]');
    expect(out).toContain('key=[REDACTED:google_api_key]');
    expect(out).toContain(
      'postgresql://etl_user:[REDACTED:url_password]@db.prod.acme.internal:5432/analytics',
    );
    expect(out).toContain(
      'snowflake://LOADER:[REDACTED:url_password]@acme-xy12345/RAW',
    );
    expect(out).toContain('user=sa;password=[REDACTED:password];encrypt=true');
    expect(out).toContain('password=[REDACTED:password] dbname=analytics');
    expect(out).toContain(
      'AccountKey=[REDACTED:azure_account_key];EndpointSuffix=core.windows.net',
    );
    expect(out).toContain('"password": "[REDACTED:password]"');
    expect(out).toContain('id_token: [REDACTED:jwt]');
    expect(out).toContain('[REDACTED:private_key]');
    expect(out).toContain('java.sql.SQLException: Login failed for user etl');
  });

  it('redacts a private key whose END line was trimmed away, and nothing after it', () => {
    const cut = `-----BEGIN PRIVATE KEY-----\n${b64(48)}\n${b64(
      48,
    )}\n… 12 lines trimmed …\nERROR ssh: handshake failed`;
    const out = redactSecrets(cut);
    expect(out).toBe(
      '[REDACTED:private_key]… 12 lines trimmed …\nERROR ssh: handshake failed',
    );
  });

  it('leaves innocent text alone: SQL, stack traces, UUIDs, git SHAs, plain URLs', () => {
    const innocent = [
      'select o.order_id, sum(p.amount) as paid from analytics.marts.fct_orders o',
      "join payments p on p.order_id = o.order_id where o.status = 'shipped' and p.method in ('card', 'sepa')",
      'Traceback (most recent call last):',
      '  File "/opt/airflow/dags/orders.py", line 88, in load',
      'psycopg2.errors.InvalidPassword: password authentication failed for user "etl"',
      'Exception in thread "main" org.apache.spark.SparkException: Job aborted due to stage failure',
      '\tat org.apache.spark.sql.execution.datasources.FileFormatWriter$.write(FileFormatWriter.scala:276)',
      'Caused by: java.lang.IllegalStateException: Authorization failed for principal etl@ACME.EXAMPLE',
      'SyntaxError: Unexpected token } in JSON at position 117',
      'run_id=7c1e9a42-5d3b-4f80-a2c6-19e8b7d4f031 job_run=01936a2e-7c41-7d3a-9b5e-4f2a8c1d6e09',
      'commit 4bc455c52a0e98d280622bbdc12c817dfd18880c deployed by ci (short a1b2c3d)',
      'sha256:8bbdeda97f723269c03418777770cf43630b61653d8e74ed8272c95147292e26',
      'https://airflow.acme.example/log?dag_id=orders&task_id=load&execution_date=2026-11-20T02:00:00+00:00',
      'http://spark-master.acme.internal:8080/app/?appId=app-20261120031002-0042',
      's3://acme-lake-prod/raw/orders/dt=2026-11-19/part-00017-c1f4.snappy.parquet',
      'arn:aws:iam::123456789012:role/GlueServiceRole-orders',
      'Using secret_name=prod/warehouse/loader from Secrets Manager (version AWSCURRENT)',
      'The task-runner pod disk-usage-monitor-7f9c6d-x2k4p was evicted',
      'max_tokens=4096 temperature=0.2 model=claude-sonnet',
      'Done. PASS=5 WARN=0 ERROR=1 SKIP=0 TOTAL=6',
    ].join('\n');
    expect(redactSecrets(innocent)).toBe(innocent);
  });

  it('is idempotent: redacting twice changes nothing more', () => {
    const s = secrets();
    const text = `Authorization: Bearer ${s.bearer}\npassword="${s.password}"\n${s.pem}\npostgres://u:${s.password}@h/db ${s.akia}`;
    const once = redactSecrets(text);
    expect(redactSecrets(once)).toBe(once);
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), noise => {
        const sample = `${noise} token bearer ${s.bearer} ${noise} password: ${noise}`;
        const first = redactSecrets(sample);
        expect(redactSecrets(first)).toBe(first);
      }),
      { numRuns: 200 },
    );
  });

  it('stays linear on hostile input', () => {
    const hostile = [
      '-eyJ'.repeat(1_000_000),
      `${'eyJaaaaaa.'.repeat(400_000)}`,
      `postgres://${'a'.repeat(2_000_000)}`,
      `postgres://${'u:'.repeat(1_000_000)}`,
      'password='.repeat(500_000),
      'Authorization: '.repeat(300_000),
      `sk-${'-'.repeat(4_000_000)}`,
      '-----BEGIN PRIVATE KEY-----'.repeat(150_000),
      `${'A'.repeat(3_000_000)}AKIA`,
    ];
    // Bounded by the jest timeout: a catastrophic pattern would hang or overflow here.
    for (const text of hostile) {
      const out = redactSecrets(text);
      expect(out.length).toBeLessThanOrEqual(text.length + 64);
    }
  }, 120000);

  it('cuts pathological lines before matching and still redacts secrets on them', () => {
    const line = `token sk-ant-${'a'.repeat(40)} ${'x'.repeat(200_000)}`;
    const out = redactSecrets(`first line\n${line}\nlast line`);
    expect(out).toContain('[REDACTED:');
    expect(out).not.toContain('sk-ant-aaaa');
    expect(out).toContain('[line cut at 64 KB]');
    expect(out.endsWith('last line')).toBe(true);
  });
});
