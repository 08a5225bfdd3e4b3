import { createHmac, timingSafeEqual } from 'node:crypto';
import { aDelivery } from './__testUtils__/delivery';
import { startTestServer } from './__testUtils__/startTestServer';
import { DeliveryError } from './DeliveryError';
import { webhookSink } from './webhookSink';

describe('webhookSink', () => {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('POSTs the delivery plus sentAt, signed with HMAC-SHA256 of the raw body', async () => {
    server = await startTestServer();
    const delivery = aDelivery();
    await webhookSink({ url: `${server.url}/hook`, secret: 's3cret' }).deliver(
      delivery,
    );

    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/hook');
    expect(req.headers['content-type']).toBe('application/json');

    const body = JSON.parse(req.body);
    expect(body).toEqual({ ...delivery, sentAt: expect.any(String) });
    expect(new Date(body.sentAt).toISOString()).toBe(body.sentAt);
    expect(req.headers['x-pipeline-triage-timestamp']).toBe(body.sentAt);

    // Verify the way a receiver would: recompute over the raw bytes, compare in constant time.
    const signature = String(req.headers['x-pipeline-triage-signature']);
    const expected = `sha256=${createHmac('sha256', 's3cret')
      .update(req.body)
      .digest('hex')}`;
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(timingSafeEqual(Buffer.from(signature), Buffer.from(expected))).toBe(
      true,
    );
    const forged = `sha256=${createHmac('sha256', 'other')
      .update(req.body)
      .digest('hex')}`;
    expect(signature).not.toBe(forged);
  });

  it('throws a retryable error on 5xx and a permanent one on 4xx, without the URL in the message', async () => {
    server = await startTestServer({
      replies: [
        { status: 503, body: 'busy' },
        { status: 404, body: 'gone' },
      ],
    });
    const sink = webhookSink({ url: `${server.url}/secret-path`, secret: 'x' });

    const first = await sink.deliver(aDelivery()).catch(e => e);
    expect(first).toBeInstanceOf(DeliveryError);
    expect(first).toMatchObject({ message: 'HTTP 503: busy', retryable: true });

    const second = await sink.deliver(aDelivery()).catch(e => e);
    expect(second).toMatchObject({
      message: 'HTTP 404: gone',
      retryable: false,
    });
    expect(String(second.message)).not.toContain('secret-path');
  });

  it('times out when the endpoint never answers', async () => {
    server = await startTestServer({ fallback: { hang: true } });
    const started = Date.now();
    const error = await webhookSink({
      url: server.url,
      secret: 'x',
      timeoutMs: 150,
    })
      .deliver(aDelivery())
      .catch(e => e);
    expect(error).toMatchObject({
      message: 'timed out after 150ms',
      retryable: true,
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports a refused connection as a retryable network failure', async () => {
    server = await startTestServer();
    const { url } = server;
    await server.close();
    server = undefined;
    const error = await webhookSink({ url, secret: 'x' })
      .deliver(aDelivery())
      .catch(e => e);
    expect(error).toMatchObject({
      message: 'request failed: ECONNREFUSED',
      retryable: true,
    });
  });
});
