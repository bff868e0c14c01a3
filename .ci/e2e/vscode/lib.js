// What e2e.js and workspaces.js share: waiting, code-server started on a free port in its own process group,
// headless Chromium with a fresh profile on a VS Code window, and the extension host's JSON lines read back.
// Environment: CODE_SERVER (the code-server executable), CHROMIUM (default /usr/bin/chromium).
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Calls `fn` every `every` milliseconds until it gives a truthy value, which is returned, or until `ms`
// milliseconds have passed (undefined).
async function poll(fn, ms, every = 250) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) return undefined;
    await sleep(every);
  }
}

// A TCP port of 127.0.0.1 that nothing listens on.
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Ends the process group of a code-server started by startCodeServer.
function stopCodeServer(cs) {
  try {
    process.kill(-cs.pid, 'SIGTERM');
  } catch {}
}

// Starts code-server on a free port of 127.0.0.1, without authentication, telemetry or update checks, in its own
// process group (its pid written to `pidFile` when given), its output in `logPath`, and waits until it answers
// (at most 30 s; otherwise it is stopped and an error thrown). `args` are the rest of its arguments (user data,
// extensions, folder). Returns { cs, port }.
async function startCodeServer({ args, env, logPath, pidFile }) {
  const port = await freePort();
  const log = fs.openSync(logPath, 'w');
  const cs = spawn(
    process.env.CODE_SERVER,
    ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
      '--disable-getting-started-override', ...args],
    { env, stdio: ['ignore', log, log], detached: true },
  );
  if (pidFile) fs.writeFileSync(pidFile, String(cs.pid));
  const up = await poll(async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
    } catch {
      return false;
    }
  }, 30000);
  if (!up) {
    stopCodeServer(cs);
    throw new Error(`code-server did not answer on port ${port} within 30 s`);
  }
  return { cs, port };
}

// Launches headless Chromium with a fresh profile and opens the VS Code window of code-server on `port` at
// `query` (`folder=…` or `workspace=…`), waiting for the workbench. Returns { browser, page, close }.
async function openWindow(port, query) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cablelint-e2e-chromium-'));
  let browser;
  const close = async () => {
    if (browser) await browser.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  try {
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    const page = browser.pages()[0] || (await browser.newPage());
    await page.goto(`http://127.0.0.1:${port}/?${query}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    return { browser, page, close };
  } catch (e) {
    await close();
    throw e;
  }
}

// Waits (at most `ms`) until the extension host has written {"done": true} to `out`, calling `meanwhile` at
// each look, and returns the records before it; undefined when it did not finish.
async function selfTestResults(out, ms, meanwhile = async () => {}) {
  const text = await poll(async () => {
    await meanwhile();
    if (!fs.existsSync(out)) return undefined;
    const t = fs.readFileSync(out, 'utf8');
    return /"done":true/.test(t) ? t : undefined;
  }, ms, 100);
  return text?.trim().split('\n').map((l) => JSON.parse(l)).filter((r) => !r.done);
}

module.exports = { sleep, poll, startCodeServer, stopCodeServer, openWindow, selfTestResults };
