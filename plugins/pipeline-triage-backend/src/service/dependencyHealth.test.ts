import { dependencyHealth } from './dependencyHealth';

const discovery = {
  getBaseUrl: async (id: string) => `http://127.0.0.1:1/api/${id}`,
};

describe('dependencyHealth', () => {
  it('asks the catalog once per cache period however often /health is called', async () => {
    const catalogReady = jest.fn(async () => {
      throw new Error('catalog unavailable: 503');
    });
    const check = dependencyHealth({
      catalogReady,
      discovery,
      checkSignIn: false,
      timeoutMs: 1000,
      cacheMs: 60_000,
    });
    const answers = await Promise.all([check(), check(), check()]);
    expect(await check()).toEqual(answers[0]);
    expect(catalogReady).toHaveBeenCalledTimes(1);
    expect(answers[0]).toEqual([
      {
        part: 'catalog',
        message: expect.stringMatching(
          /^catalog unavailable: 503; accepted events wait/,
        ),
      },
    ]);

    const uncached = dependencyHealth({
      catalogReady,
      discovery,
      checkSignIn: false,
      timeoutMs: 1000,
      cacheMs: 0,
    });
    await uncached();
    await uncached();
    expect(catalogReady).toHaveBeenCalledTimes(3);
  });

  it('reports a catalog that never answers, and a sign-in whose auth backend cannot be reached', async () => {
    const check = dependencyHealth({
      catalogReady: () => new Promise(() => {}),
      discovery,
      checkSignIn: true,
      timeoutMs: 200,
      cacheMs: 0,
    });
    expect(await check()).toEqual([
      {
        part: 'catalog',
        message: expect.stringMatching(/^no answer within 200 ms/),
      },
      {
        part: 'auth',
        message: expect.stringMatching(/^sign-in unavailable: /),
      },
    ]);
  });

  it('checks no sign-in where no provider is configured', async () => {
    const check = dependencyHealth({
      catalogReady: async () => undefined,
      discovery,
      checkSignIn: false,
      timeoutMs: 200,
      cacheMs: 0,
    });
    expect(await check()).toEqual([]);
  });
});
