// Workspace scenarios in real VS Code (code-server in headless Chromium), each in a window of its own:
//   untrusted  a folder opened in Restricted Mode whose .vscode/settings.json names, as cablelint.path, a
//              script that writes a marker file: diagnostics must appear (the bundled binary) and the
//              marker must never be written;
//   multiroot  a workspace of two folders, the second ignoring CBL207 in its folder settings: the same
//              cable shows CBL207 in the first folder only;
//   missing    cablelint.path (user settings) names a program found nowhere: the window shows one error,
//              and its Open Settings button opens the settings at cablelint.path;
//   crashes    cablelint.path names a wrapper whose first five servers are killed soon after they start: the
//              window shows one error with Restart Server, and pressing it brings the diagnostics back.
// Started by .ci/e2e/vscode.sh after the main run, with CODE_SERVER, CS_EXTENSIONS (the extension
// installed), ARTIFACTS, CHROMIUM, CABLE (a cable that has CBL207). The checks run in the extension host
// (src/e2e_workspace.ts, CABLELINT_E2E_SCENARIO). Prints `PASS|FAIL <scenario> <check>: <detail>` lines.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { sleep, poll, startCodeServer, stopCodeServer, openWindow, selfTestResults } = require('./lib');

const env = process.env;
let failures = 0;

function check(scenario, name, ok, detail) {
  if (!ok) failures++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${scenario} ${name}: ${String(detail ?? '').replace(/\s+/g, ' ')}`);
}

// Runs one scenario: code-server with its own user data, a browser window on `target`
// (`folder=…` or `workspace=…`), and the extension's scenario self-test.
async function run(scenario, { settings, machine, target, cables, trust, dom }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cablelint-e2e-${scenario}-`));
  const userData = path.join(dir, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  if (machine) {
    // Settings of `machine` scope: in code-server (a remote window) they are the server machine's.
    fs.mkdirSync(path.join(userData, 'Machine'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'Machine', 'settings.json'), JSON.stringify(machine, null, 2));
  }
  const out = path.join(env.ARTIFACTS, `${scenario}.jsonl`);
  fs.rmSync(out, { force: true });
  let cs;
  let window;
  try {
    const started = await startCodeServer({
      args: ['--user-data-dir', userData, '--extensions-dir', env.CS_EXTENSIONS, ...(trust ? [] : ['--disable-workspace-trust'])],
      env: { ...env, CABLELINT_E2E_OUT: out, CABLELINT_E2E_SCENARIO: scenario, CABLELINT_E2E_CABLES: cables.join(':') },
      logPath: path.join(env.ARTIFACTS, `code-server-${scenario}.log`),
    });
    cs = started.cs;
    window = await openWindow(started.port, target);
    const page = window.page;
    // The rendered-window checks run beside the extension host's (they may have to press a button that the
    // host's checks wait for).
    const domDone = dom ? dom(page).catch((e) => check(scenario, 'rendered window', false, `error: ${e.message}`)) : undefined;
    const results = await selfTestResults(out, 150000);
    if (!results) {
      check(scenario, 'self-test', false, `no result within 150 s: ${fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '(none)'}`);
    } else {
      for (const r of results) check(scenario, r.check, r.ok, r.detail);
    }
    if (domDone) await domDone;
    if (failures) await page.screenshot({ path: path.join(env.ARTIFACTS, `fail-${scenario}.png`) }).catch(() => {});
  } catch (e) {
    check(scenario, 'run', false, `error: ${e.message}`);
  } finally {
    if (window) await window.close();
    if (cs) stopCodeServer(cs);
    await sleep(500);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// The texts of the notification toasts that speak of cablelint.
async function cablelintToasts(page) {
  return page.$$eval('.notifications-toasts .notification-toast', (els) =>
    els.map((e) => e.textContent || '').filter((t) => /cablelint/i.test(t)));
}

// The button labelled `label` in a notification toast.
function toastButton(page, label) {
  return page.locator('.notifications-toasts .notification-toast a.monaco-button, .notifications-toasts .notification-toast .monaco-button', { hasText: label });
}

const base = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
};

(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cablelint-e2e-ws-'));
  const cable = fs.readFileSync(env.CABLE, 'utf8');
  try {
    // Untrusted: the folder's settings name a program that writes a marker.
    const untrusted = path.join(root, 'untrusted');
    const marker = path.join(root, 'MARKER-the-workspace-program-ran');
    fs.mkdirSync(path.join(untrusted, '.vscode'), { recursive: true });
    const script = path.join(untrusted, 'cablelint');
    fs.writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\nexec sleep 60\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(untrusted, '.vscode', 'settings.json'), JSON.stringify({ 'cablelint.path': script }));
    fs.writeFileSync(path.join(untrusted, 'draft.cable'), cable);
    await run('untrusted', {
      settings: { ...base, 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.banner': 'never' },
      target: `folder=${encodeURIComponent(untrusted)}`,
      cables: [path.join(untrusted, 'draft.cable')],
      trust: true,
    });
    check('untrusted', 'the workspace program never ran', !fs.existsSync(marker), fs.existsSync(marker) ? `${marker} was written` : 'no marker');

    // Multi-root: folder b ignores CBL207.
    const a = path.join(root, 'a');
    const b = path.join(root, 'b');
    for (const d of [a, b]) {
      fs.mkdirSync(path.join(d, '.vscode'), { recursive: true });
      fs.writeFileSync(path.join(d, 'draft.cable'), cable);
    }
    fs.writeFileSync(path.join(b, '.vscode', 'settings.json'), JSON.stringify({ 'cablelint.ignore': ['CBL207'] }));
    const workspace = path.join(root, 'two.code-workspace');
    fs.writeFileSync(workspace, JSON.stringify({ folders: [{ path: a }, { path: b }] }));
    await run('multiroot', {
      settings: { ...base, 'security.workspace.trust.enabled': false },
      target: `workspace=${encodeURIComponent(workspace)}`,
      cables: [path.join(a, 'draft.cable'), path.join(b, 'draft.cable')],
      trust: false,
    });

    // Missing program: one error toast, and Open Settings shows the setting.
    await run('missing', {
      settings: { ...base, 'security.workspace.trust.enabled': false },
      machine: { 'cablelint.path': 'cablelint-nowhere' },
      target: `folder=${encodeURIComponent(a)}`,
      cables: [path.join(a, 'draft.cable')],
      trust: false,
      dom: async (page) => {
        const toasts = () => cablelintToasts(page);
        await poll(async () => (await toasts()).length > 0, 15000);
        await sleep(3000); // time for a second error, if there were one
        const shown = await toasts();
        check('missing', 'one error is shown', shown.length === 1, shown.map((t) => t.slice(0, 160)).join(' | ') || 'none');
        const button = toastButton(page, 'Open Settings');
        const hasButton = (await button.count()) > 0;
        if (hasButton) await button.first().click();
        const opened = await poll(async () => {
          const rows = await page.$$eval('.settings-editor .setting-item-contents', (els) => els.map((e) => e.textContent || ''));
          return rows.find((r) => /Cablelint.*Path/i.test(r));
        }, 15000);
        check('missing', 'Open Settings shows cablelint.path', hasButton && !!opened, hasButton ? (opened ? opened.slice(0, 120) : 'no cablelint.path row in the settings editor') : 'no Open Settings button');
      },
    });

    // Repeated crashes: cablelint.path (user settings) names a wrapper that runs the bundled server and kills
    // it 3 s after each of its first five starts, then runs it for good. After the fifth crash the window shows
    // one error with Restart Server; pressing it brings the diagnostics back.
    const crashDir = path.join(root, 'crashes');
    fs.mkdirSync(crashDir, { recursive: true });
    const extDir = fs.readdirSync(env.CS_EXTENSIONS).find((d) => d.startsWith('cablelint.cablelint-'));
    const real = extDir ? path.join(env.CS_EXTENSIONS, extDir, 'server', 'cablelint') : '/nonexistent/cablelint';
    const starts = path.join(crashDir, 'starts');
    const wrapper = path.join(root, 'crashing-cablelint');
    fs.writeFileSync(wrapper, `#!/bin/sh
n=$(( $(cat '${starts}' 2>/dev/null || echo 0) + 1 ))
echo $n >'${starts}'
if [ $n -le 5 ]; then exec timeout -s KILL 3 '${real}' "$@"; fi
exec '${real}' "$@"
`, { mode: 0o755 });
    fs.writeFileSync(path.join(crashDir, 'draft.cable'), cable);
    await run('crashes', {
      settings: { ...base, 'security.workspace.trust.enabled': false },
      machine: { 'cablelint.path': wrapper },
      target: `folder=${encodeURIComponent(crashDir)}`,
      cables: [path.join(crashDir, 'draft.cable')],
      trust: false,
      dom: async (page) => {
        const toast = await poll(async () => (await cablelintToasts(page)).find((t) => /stopped unexpectedly/.test(t)), 90000);
        const button = toastButton(page, 'Restart Server');
        const hasButton = (await button.count()) > 0;
        const count = () => Number((fs.existsSync(starts) && fs.readFileSync(starts, 'utf8').trim()) || 0);
        check('crashes', 'the error after five crashes offers Restart Server', !!toast && hasButton && count() === 5,
          `${toast ? toast.slice(0, 160) : 'no "stopped unexpectedly" toast'}; ${hasButton ? 'button' : 'no button'}; ${count()} starts`);
        await sleep(2000); // time for a second error, if there were one
        const errors = await cablelintToasts(page);
        check('crashes', 'one error is shown', errors.length === 1, errors.map((t) => t.slice(0, 100)).join(' | ') || 'none');
        if (hasButton) await button.first().click();
        const squiggle = await page.waitForSelector('.editor-instance .squiggly-error', { timeout: 60000 }).then(() => true, () => false);
        check('crashes', 'after Restart Server the cable has its squiggles again', hasButton && squiggle && count() === 6, `${count()} starts; ${squiggle ? 'squiggles shown' : 'no squiggle'}`);
      },
    });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  console.log(`${failures === 0 ? 'OK' : 'FAILED'} vscode workspaces: ${failures} failed`);
  process.exit(failures === 0 ? 0 : 1);
})();
