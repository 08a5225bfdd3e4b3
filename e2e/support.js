/* Shared helpers of the browser tests: the backend address, tokens, and a chromium launcher. */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const BASE_URL = process.env.E2E_BASE_URL || 'http://localhost:7007';
/** The dev-only sender token of app-config.yaml. */
const SENDER_TOKEN =
  process.env.PIPELINE_TRIAGE_SENDER_TOKEN || 'dev-only-pipeline-sender-token';

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return res;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`Timed out waiting for ${url}: ${last}`);
}

/** A user token for the guest, as the app's sign-in gets it. */
async function guestToken() {
  const res = await fetch(`${BASE_URL}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!res.ok)
    throw new Error(
      `guest sign-in failed: HTTP ${res.status} ${await res.text()}`,
    );
  return (await res.json()).backstageIdentity.token;
}

async function api(pathAndQuery, { token, method = 'GET', body } = {}) {
  const res = await fetch(`${BASE_URL}/api/pipeline-triage${pathAndQuery}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

async function launchBrowser() {
  const { chromium } = require('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 1000 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return context;
}

/** Waits until the catalog has ingested an example entity (it loads shortly after start-up). */
async function waitForEntity(kind, name, timeoutMs = 120_000) {
  const token = await guestToken();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(
      `${BASE_URL}/api/catalog/entities/by-name/${kind}/default/${name}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    if (res.ok && ((await res.json()).relations ?? []).length > 0)
      return waitForGuestGroups(deadline);
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(
    `The catalog has no ${kind}:default/${name} after ${timeoutMs} ms`,
  );
}

/**
 * The owner-only permission policy scopes the guest to its teams, which sign-in reads from the
 * catalog: until the guest user is loaded and stitched, a sign-in carries no groups and sees no
 * incidents. Waits until it does, so no page signs in too early.
 */
async function waitForGuestGroups(deadline) {
  while (Date.now() < deadline) {
    const res = await fetch(`${BASE_URL}/api/auth/guest/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    const refs = res.ok
      ? (await res.json()).backstageIdentity?.identity?.ownershipEntityRefs ??
        []
      : [];
    if (refs.some(r => r.startsWith('group:'))) return;
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(
    'The guest sign-in carries no groups: is user:default/guest in the catalog?',
  );
}

/** Opens a page as the guest: the sign-in page asks once per browser profile. */
async function openAsGuest(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  // Either the sign-in page (a first visit in this browser) or the signed-in app (its sidebar)
  // comes up; isVisible alone does not wait, so a slow first render skipped the sign-in.
  const enter = page.getByRole('button', { name: /enter/i });
  const signIn = await Promise.race([
    enter.waitFor({ timeout: 30_000 }).then(() => true),
    page
      .locator('nav')
      .first()
      .waitFor({ timeout: 30_000 })
      .then(() => false),
  ]).catch(() => false);
  if (signIn) await enter.click();
  return page;
}

const SCREENSHOTS = path.resolve(__dirname, '../docs/screenshots');

module.exports = {
  CHROMIUM,
  BASE_URL,
  SENDER_TOKEN,
  SCREENSHOTS,
  waitFor,
  waitForEntity,
  guestToken,
  api,
  launchBrowser,
  openAsGuest,
};
