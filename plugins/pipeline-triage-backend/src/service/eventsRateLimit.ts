import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Config } from '@backstage/config';

export interface RateLimitSettings {
  /** Events requests one sender may make per window; 0 turns the limit off. */
  maxRequests: number;
  windowMs: number;
}

/** `pipelineTriage.ingest.rateLimit.*`, documented in config.d.ts. */
export function readRateLimitConfig(config: Config): RateLimitSettings {
  const c = config.getOptionalConfig('pipelineTriage.ingest.rateLimit');
  return {
    maxRequests: c?.getOptionalNumber('maxRequestsPerWindow') ?? 30000,
    windowMs: (c?.getOptionalNumber('windowSeconds') ?? 60) * 1000,
  };
}

/**
 * Per-sender limit on POST /v1/events, keyed by the authenticated principal (the sender
 * token's subject), never by IP: many pipelines share a NAT, and one sender spread over many
 * workers is still one sender. Counts live in memory, so the limit holds per backend instance.
 * Over the limit: 429 with Retry-After (seconds) and the RateLimit headers.
 */
export function eventsRateLimit(
  settings: RateLimitSettings,
  principalOf: (req: Request) => Promise<string>,
): RequestHandler {
  if (settings.maxRequests <= 0) return (_req, _res, next) => next();
  const limiter = rateLimit({
    windowMs: settings.windowMs,
    limit: settings.maxRequests,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (_req, res) => String(res.locals.pipelineTriageSender),
    // Keys are principals, not addresses; the IP checks do not apply.
    validate: {
      ip: false,
      trustProxy: false,
      xForwardedForHeader: false,
      keyGeneratorIpFallback: false,
    },
    handler: (_req, res) => {
      const seconds = Math.ceil(settings.windowMs / 1000);
      res.status(429).json({
        error: {
          name: 'TooManyRequestsError',
          message: `Rate limit exceeded: at most ${settings.maxRequests} event requests per ${seconds}s per sender (pipelineTriage.ingest.rateLimit); retry after the Retry-After header's seconds`,
        },
        response: { statusCode: 429 },
      });
    },
  });
  return async (req, res, next) => {
    try {
      // Authentication runs first: an unauthenticated request gets its 401, not a count.
      res.locals.pipelineTriageSender = await principalOf(req);
    } catch (error) {
      next(error);
      return;
    }
    limiter(req, res, next);
  };
}
