import fs from 'node:fs';
import type { RequestHandler } from 'express';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { parse } from 'yaml';

/** The API's description: openapi.yaml at the package root, the one place it is written. */
export const OPENAPI_FILE = resolvePackagePath(
  '@pipeline-triage/plugin-pipeline-triage-backend',
  'openapi.yaml',
);

let cached: unknown;

export function openApiDocument(): unknown {
  cached ??= parse(fs.readFileSync(OPENAPI_FILE, 'utf8'));
  return cached;
}

/** GET /openapi.json: no credentials, like /health; it describes the API and holds no data. */
export const openApiHandler: RequestHandler = (_req, res) => {
  res.json(openApiDocument());
};
