// Drives real VS Code (code-server) in headless Chromium with the packaged cablelint extension installed.
// Started by .ci/e2e/vscode.sh, which prepares the workspace, the extension and these variables:
//   CODE_SERVER, CS_USER_DATA, CS_EXTENSIONS, WORKSPACE, CASES_JSON (cases for the extension-host
//   self-test), DOM_CASES_JSON (cases for the rendered editor), ARTIFACTS, SCREENSHOT_CASE, CHROMIUM.
// 1. The extension's self-test (CABLELINT_E2E_OUT) reports diagnostics, live settings, hover, quick fix,
//    fix-all and completion from the extension host, as JSON lines. Meanwhile this driver serves its requests
//    to act in the rendered window as a user does (src/e2e_editing.ts): accept a completion chosen by its
//    label in the suggest widget, apply a quick fix chosen by its title in the quick fix menu.
// 2. The rendered editor is checked as a user sees it: the squiggle, an inlay hint, the hover widget
//    (diagnostic and hover text), format on save (the saved buffer), the suggestion list while typing after `TAGS: P`, and the
//    status bar item.
// Prints `PASS|FAIL <case> <check>: <detail>` lines and exits 0 only when every check passed.
'use strict';
const fs = require('fs');
const path = require('path');
const { sleep, poll, startCodeServer, stopCodeServer, openWindow, selfTestResults } = require('./lib');

const env = process.env;
const ARTIFACTS = env.ARTIFACTS;
const OUT = path.join(ARTIFACTS, 'selftest.jsonl');
const t0 = Date.now();
const ts = () => `[${((Date.now() - t0) / 1000).toFixed(1)}s]`;
let failures = 0;

function check(caseName, name, ok, detail) {
  if (!ok) failures++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${caseName} ${name}: ${String(detail ?? '').replace(/\s+/g, ' ')}`);
}

// Opens a workspace file through Quick Open (Ctrl+P), as a user would.
async function openFile(page, relPath) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget:not([style*="display: none"]) input');
  await input.waitFor({ timeout: 10000 });
  await input.fill(relPath);
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 10000 });
  await sleep(300);
  await page.keyboard.press('Enter');
  const base = path.basename(relPath);
  await page.waitForSelector(`.tab.active[aria-label*="${base}"], .tab.active [aria-label*="${base}"]`, { timeout: 10000 }).catch(() => {});
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 10000 });
  await sleep(500);
}

// Puts the cursor on 1-based `line` at 0-based `col` with Go to Line (Ctrl+G, `line:column`).
async function gotoLineCol(page, line, col) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget:not([style*="display: none"]) input');
  await input.waitFor({ timeout: 10000 });
  await input.fill(`:${line}:${col + 1}`);
  await sleep(200);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget[style*="display: none"]', { state: 'attached', timeout: 5000 }).catch(() => {});
  const where = await page.$eval('.statusbar-item[id*="selectionStatus"], .editor-status-selection', (e) => e.textContent).catch(() => '');
  if (where && !where.includes(`Ln ${line}, Col ${col + 1}`)) {
    console.log(ts(), `go to ${line}:${col + 1} left the cursor at "${where}"`);
  }
}

async function hoverText(page) {
  return page.$$eval('.monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .hover-row', (els) =>
    els.map((e) => e.textContent).join(' / '),
  );
}

// The text of the rendered lines, inlay hints included, with the editor's non-breaking spaces as spaces.
async function viewLines(page) {
  return page.$$eval('.editor-instance .view-lines .view-line', (els) =>
    els.map((e) => (e.textContent || '').replace(/\u00a0/g, ' ')),
  );
}

async function suggestRows(page) {
  return page.$$eval('.suggest-widget.visible .monaco-list-row', (els) =>
    els.map((e) => e.getAttribute('aria-label') || e.textContent || ''),
  );
}

// The label of the focused row of the suggest widget, or of the quick fix menu, with the rows in view.
async function focusedRow(page, widget) {
  return page.evaluate((widget) => {
    const list = widget === 'suggest' ? '.suggest-widget.visible' : '.action-widget';
    const text = (row) => {
      if (!row) return undefined;
      const label = row.querySelector(widget === 'suggest' ? '.label-name' : '.title');
      return ((label || row).textContent || '').replace(/\u00a0/g, ' ').trim();
    };
    const rows = [...document.querySelectorAll(`${list} .monaco-list-row`)];
    return { focused: text(rows.find((r) => r.classList.contains('focused'))), rows: rows.map(text) };
  }, widget);
}

// Opens the suggest widget (Ctrl+Space) or the quick fix menu (Ctrl+.) at the cursor, moves the focus down
// to the row whose label is `want` (or matches `pattern`; with `first`, stays on the row focused first) and
// presses Enter, as a user picks an item.
// Answers { ok, detail }.
async function pickInWidget(page, widget, want, pattern, first) {
  const matches = (t) => t !== undefined && (first || (pattern ? new RegExp(pattern).test(t) : t === want));
  const open = async (ms) => {
    await page.keyboard.press('Escape');
    await page.keyboard.press(widget === 'suggest' ? 'Control+Space' : 'Control+Period');
    return poll(async () => {
      const r = await focusedRow(page, widget);
      return r.focused !== undefined && !/^Loading/.test(r.focused) ? r : undefined;
    }, ms, 100);
  };
  // Asked again once, as a user does when nothing shows (the server may still be checking the new text).
  const shown = (await open(5000)) ?? (await open(5000));
  if (!shown) return { ok: false, detail: `no ${widget === 'suggest' ? 'suggest widget' : 'quick fix menu'} within 10 s` };
  // The rows settle (the list is filtered on what is typed) before the choice.
  await sleep(500);
  const seen = [];
  for (let i = 0; i < 80; i++) {
    const r = await focusedRow(page, widget);
    if (matches(r.focused)) {
      await page.keyboard.press('Enter');
      await sleep(300);
      // Leaves a snippet's placeholders, as a user does once the text is in.
      await page.keyboard.press('Escape');
      return { ok: true, detail: `accepted "${r.focused}" (row ${i + 1})` };
    }
    if (seen.includes(r.focused)) break;
    seen.push(r.focused);
    await page.keyboard.press('ArrowDown');
    await sleep(40);
  }
  await page.keyboard.press('Escape');
  return { ok: false, detail: `no row "${want ?? pattern}" among ${JSON.stringify(seen.slice(0, 30))}` };
}

// Serves the self-test's request to act in the window (see src/e2e_editing.ts), if there is a new one.
let servedRequest = 0;
async function serveUi(page) {
  let req;
  try {
    req = JSON.parse(fs.readFileSync(`${OUT}.ui-request.json`, 'utf8'));
  } catch {
    return;
  }
  if (req.id <= servedRequest) return;
  servedRequest = req.id;
  let answer;
  try {
    answer = req.action === 'suggest'
      ? await pickInWidget(page, 'suggest', req.label, req.pattern, req.first)
      : req.action === 'quickfix'
        ? await pickInWidget(page, 'quickfix', req.title)
        : { ok: false, detail: `unknown request ${req.action}` };
  } catch (e) {
    answer = { ok: false, detail: `error: ${e.message}` };
  }
  if (!answer.ok) await page.screenshot({ path: path.join(ARTIFACTS, `fail-ui-${req.id}.png`) }).catch(() => {});
  fs.writeFileSync(`${OUT}.ui-response.json.tmp`, JSON.stringify({ id: req.id, ...answer }));
  fs.renameSync(`${OUT}.ui-response.json.tmp`, `${OUT}.ui-response.json`);
}

async function domChecks(page, c) {
  const lines = fs.readFileSync(c.file, 'utf8').split(/\r?\n/);
  const steps = JSON.parse(fs.readFileSync(c.expect, 'utf8')).steps;
  await openFile(page, c.rel);
  const squiggle = await page.waitForSelector('.editor-instance .squiggly-error', { timeout: 20000 }).then(() => true, () => false);
  const count = await page.$$eval('.editor-instance .squiggly-error', (els) => els.length);
  check(c.name, 'DOM squiggle', squiggle, `${count} error squiggle(s) rendered`);

  // Inlay hints as rendered: the decoded date-time group after `P 141522Z MAR 09` on the fixture's FL5 line.
  if (c.name === '09OSLO417') {
    const want = 'Sat 14 Mar 2009 15:22 UTC';
    const fl5 = (lines) => lines.find((l) => l.startsWith('P 141522Z MAR 09')) ?? '(line not rendered)';
    const shown = (await poll(async () => {
      const t = await viewLines(page);
      return fl5(t).includes(want) ? t : undefined;
    }, 15000)) ?? (await viewLines(page));
    check(c.name, 'DOM inlay hint', fl5(shown).includes(want), `the FL5 line reads "${fl5(shown)}"`);
  }

  const diagStep = steps.find((s) => s.kind === 'diagnostics');
  for (const step of steps.filter((s) => s.kind === 'hover')) {
    const col = lines[step.line - 1].indexOf(step.find);
    await page.keyboard.press('Escape');
    await gotoLineCol(page, step.line, col + 1);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const text = (await poll(async () => {
      const t = await hoverText(page);
      return t.includes(step.expect) ? t : undefined;
    }, 10000)) ?? (await hoverText(page));
    check(c.name, `DOM hover ${step.find}`, text.includes(step.expect), `want "${step.expect}", widget shows "${text.slice(0, 300)}"`);
    // On a line with a diagnostic the same widget shows the problem too: that is the screenshot.
    const diag = diagStep && diagStep.expect.find((e) => e.line === step.line);
    if (diag) {
      const hasDiag = text.includes(diag.code);
      check(c.name, `DOM hover shows ${diag.code}`, hasDiag, hasDiag ? '' : `widget shows "${text.slice(0, 300)}"`);
      if (c.name === env.SCREENSHOT_CASE) {
        await sleep(300);
        await page.screenshot({ path: path.join(ARTIFACTS, 'screenshot.png') });
        console.log(ts(), `screenshot: ${path.join(ARTIFACTS, 'screenshot.png')}`);
      }
    }
  }
  await page.keyboard.press('Escape');

  // Format on save (`editor.formatOnSave` for cables in the user settings): a user adds a trailing blank at
  // the end and saves; the saved buffer must be the expected file (`cablelint fmt -` of the cable).
  const fmt = steps.find((s) => s.kind === 'format');
  if (fmt) {
    const want = fs.readFileSync(path.join(path.dirname(c.expect), fmt.expect_file), 'utf8');
    const before = fs.readFileSync(c.file, 'utf8');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' ');
    await page.keyboard.press('Control+S');
    const saved = await poll(() => {
      const t = fs.readFileSync(c.file, 'utf8');
      return t === want ? t : undefined;
    }, 15000);
    const got = fs.readFileSync(c.file, 'utf8');
    const detail = saved
      ? 'saved buffer is the expected text'
      : got.split('\n').map((l, i) => [i + 1, l, want.split('\n')[i]]).filter(([, g, w]) => g !== w).slice(0, 2)
          .map(([i, g, w]) => `line ${i} is ${JSON.stringify(g)}, expected ${JSON.stringify(w ?? '(none)')}`).join('; ');
    check(c.name, 'DOM format on save', before !== want && !!saved, before === want ? 'the cable was formatted before' : detail);
  }

  const comp = steps.find((s) => s.kind === 'completion');
  if (comp) {
    await gotoLineCol(page, comp.line, 0);
    await page.keyboard.press('Shift+End');
    await page.keyboard.type(comp.set_line, { delay: 30 });
    await page.keyboard.press('Control+Space');
    const rows = (await poll(async () => {
      const r = await suggestRows(page);
      return r.length ? r : undefined;
    }, 10000)) ?? [];
    check(c.name, `DOM suggestions after "${comp.set_line}"`, rows.length > 0, rows.slice(0, 8).join(' | '));
    // Narrow the list by typing, as a user does, until each expected word shows.
    const typedPrefix = comp.set_line.split(/\s+/).pop();
    for (const want of comp.expect) {
      const more = want.startsWith(typedPrefix) ? want.slice(typedPrefix.length, typedPrefix.length + 2) : '';
      await page.keyboard.type(more, { delay: 30 });
      const found = await poll(async () => {
        const r = await suggestRows(page);
        return r.find((x) => new RegExp(`(^|[^A-Z0-9])${want}([^A-Z0-9]|$)`).test(x));
      }, 5000);
      check(c.name, `DOM suggestion ${want}`, !!found, found ?? `rows after typing "${typedPrefix}${more}": ${(await suggestRows(page)).slice(0, 8).join(' | ')}`);
      for (let i = 0; i < more.length; i++) await page.keyboard.press('Backspace');
      if (!(await page.$('.suggest-widget.visible'))) await page.keyboard.press('Control+Space');
    }
    await page.keyboard.press('Escape');
  }

  const status = await page.$$eval('.statusbar-item', (els) =>
    els.filter((e) => /cablelint/.test(e.textContent || '')).map((e) => `${e.textContent.trim()} [${e.querySelector('.codicon')?.className ?? ''}] ${e.getAttribute('aria-label') ?? ''}`),
  );
  check(c.name, 'DOM status bar', status.some((s) => /codicon-check/.test(s)), status.join(' / ') || 'no cablelint item');
}

(async () => {
  for (const f of [OUT, `${OUT}.ui-request.json`, `${OUT}.ui-response.json`]) fs.rmSync(f, { force: true });
  let cs;
  let window;
  try {
    const started = await startCodeServer({
      args: ['--user-data-dir', env.CS_USER_DATA, '--extensions-dir', env.CS_EXTENSIONS, '--disable-workspace-trust',
        env.WORKSPACE],
      env: { ...env, CABLELINT_E2E_OUT: OUT, CABLELINT_E2E_CASES: env.CASES_JSON },
      logPath: path.join(ARTIFACTS, 'code-server.log'),
      pidFile: path.join(ARTIFACTS, 'code-server.pid'),
    });
    cs = started.cs;
    console.log(ts(), `code-server up on port ${started.port}`);
    window = await openWindow(started.port, `folder=${encodeURIComponent(env.WORKSPACE)}`);
    const page = window.page;
    page.on('pageerror', (e) => console.log(ts(), 'pageerror', String(e).slice(0, 200)));
    console.log(ts(), 'workbench loaded');

    // 1. Extension-host self-test, its requests to act in the window served meanwhile.
    const results = await selfTestResults(OUT, 300000, () => serveUi(page));
    if (!results) {
      check('-', 'extension self-test', false, `no result within 300 s; partial: ${fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '(none)'}`);
    } else {
      console.log(ts(), 'extension-host self-test:');
      for (const r of results) check(r.case, r.check, r.ok, r.detail);
    }

    // 2. The rendered editor, with the side bar closed (Ctrl+B) so the screenshot shows the cable.
    console.log(ts(), 'rendered-editor checks:');
    await page.click('.monaco-workbench');
    await page.keyboard.press('Control+B');
    for (const c of JSON.parse(fs.readFileSync(env.DOM_CASES_JSON, 'utf8'))) {
      try {
        await domChecks(page, c);
      } catch (e) {
        check(c.name, 'DOM checks', false, `error: ${e.message}`);
        await page.screenshot({ path: path.join(ARTIFACTS, `fail-${c.name}.png`) }).catch(() => {});
      }
    }
    if (failures) await page.screenshot({ path: path.join(ARTIFACTS, 'fail-final.png') }).catch(() => {});
  } catch (e) {
    check('-', 'run', false, `error: ${e.message}`);
  } finally {
    if (window) await window.close();
    if (cs) stopCodeServer(cs);
  }
  console.log(`${failures === 0 ? 'OK' : 'FAILED'} vscode: ${failures} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  process.exit(failures === 0 ? 0 : 1);
})();
