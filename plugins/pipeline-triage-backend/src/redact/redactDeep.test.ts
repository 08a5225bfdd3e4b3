import { redactDeep, secretKeyKind } from './redactDeep';

describe('redactDeep', () => {
  it('replaces values of secret-named keys and redacts strings everywhere', () => {
    const input = {
      job: 'orders_daily',
      conn: {
        host: 'db.acme.internal',
        password: 'hunter2',
        dbPassword: 'hunter3',
        'X-Api-Key': 'k-123',
        apiKey: 'k-456',
        Authorization: 'Basic ZXRsOmh1bnRlcjI=',
        credentials: { user: 'etl', pass: 'x' },
        session_token: ['a', 'b'],
        secret_arn:
          'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/loader',
        max_tokens: 4096,
        token: 12345,
        use_token: true,
        client_secret: '',
        refresh_token: null,
      },
      logs: ['ok', 'uri=postgres://etl:hunter2@db/analytics'],
    };
    const before = JSON.stringify(input);
    expect(redactDeep(input)).toEqual({
      job: 'orders_daily',
      conn: {
        host: 'db.acme.internal',
        password: '[REDACTED:password]',
        dbPassword: '[REDACTED:password]',
        'X-Api-Key': '[REDACTED:api_key]',
        apiKey: '[REDACTED:api_key]',
        Authorization: '[REDACTED:authorization]',
        credentials: '[REDACTED:credentials]',
        session_token: '[REDACTED:token]',
        secret_arn:
          'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/loader',
        max_tokens: 4096,
        token: 12345,
        use_token: true,
        client_secret: '',
        refresh_token: null,
      },
      logs: ['ok', 'uri=postgres://etl:[REDACTED:url_password]@db/analytics'],
    });
    expect(JSON.stringify(input)).toBe(before);
  });

  it('survives cycles and hostile depth', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(redactDeep(a)).toEqual({ name: 'a', self: '[REDACTED:cycle]' });
    let deep: unknown = 'password=x';
    for (let i = 0; i < 10000; i++) deep = [deep];
    expect(() => redactDeep(deep)).not.toThrow();
    const shared = { v: 'x' };
    expect(redactDeep({ a: shared, b: shared })).toEqual({
      a: { v: 'x' },
      b: { v: 'x' },
    });
  });

  it('classifies key names by their ending', () => {
    expect(secretKeyKind('DB_PASSWORD')).toBe('password');
    expect(secretKeyKind('accessToken')).toBe('token');
    expect(secretKeyKind('aws_secret_access_key')).toBe('api_key');
    expect(secretKeyKind('private-key')).toBe('private_key');
    expect(secretKeyKind('max_tokens')).toBeUndefined();
    expect(secretKeyKind('tokenizer')).toBeUndefined();
    expect(secretKeyKind('secret_name')).toBeUndefined();
  });
});
