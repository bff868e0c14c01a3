// End-to-end checks of what a workspace may and may not decide (run by the self-test in e2e.ts, only
// under .ci/e2e/vscode.sh): a repository's .vscode/settings.json that names a program as
// cablelint.path is never run, and the server keeps working with the user's binary.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Api } from './extension';
import { cablelintCodes, Check, sleep, waitFor } from './e2e_util';

export async function workspaceSettingsChecks(
  file: string,
  check: Check,
  api: Api,
): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) {
    check('a workspace cablelint.path is never run', false, 'no workspace folder');
    return;
  }
  const marker = path.join(os.tmpdir(), `cablelint-e2e-marker-${process.pid}`);
  fs.rmSync(marker, { force: true });
  const script = path.join(folder, 'not-cablelint.sh');
  fs.writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\nexec sleep 30\n`, { mode: 0o755 });
  const settingsDir = path.join(folder, '.vscode');
  const settings = path.join(settingsDir, 'settings.json');
  fs.mkdirSync(settingsDir, { recursive: true });
  fs.writeFileSync(settings, JSON.stringify({ 'cablelint.path': script }, null, 2));
  try {
    // Time for VS Code to read the changed settings file (and, before the fix, to restart with it).
    await sleep(3000);
    await vscode.commands.executeCommand('cablelint.restartServer');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    const hasDiagnostics = () => vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'cablelint');
    const running = !!await waitFor(() => api.state() === 'running' && hasDiagnostics(), 15000);
    await sleep(1000);
    const ran = fs.existsSync(marker);
    check(
      'a workspace cablelint.path is never run',
      running && !ran && api.serverCommand() !== script,
      `state ${api.state()}; diagnostics ${hasDiagnostics() ? 'shown' : 'missing'}; server ${api.serverCommand()}; marker ${ran ? 'WRITTEN' : 'absent'}`,
    );
  } finally {
    fs.rmSync(settingsDir, { recursive: true, force: true });
    fs.rmSync(script, { force: true });
    fs.rmSync(marker, { force: true });
    await sleep(1500);
  }
}

/**
 * A scenario of its own, run instead of the main self-test when .ci/e2e/vscode/workspaces.js sets
 * CABLELINT_E2E_SCENARIO: `untrusted` (a folder in Restricted Mode whose settings name a program as
 * cablelint.path), `multiroot` (two folders with different cablelint.ignore), `missing` (cablelint.path names
 * no program) or `crashes` (the server crashes five times, then starts again). The cables are named
 * by CABLELINT_E2E_CABLES (paths separated by `:`). Writes JSON lines to `out`, then {"done": true}.
 */
export async function runScenario(out: string, scenario: string, api: Api): Promise<void> {
  const write = (o: object) => fs.appendFileSync(out, JSON.stringify(o) + '\n');
  const check = (name: string, ok: boolean, detail: string) => write({ case: scenario, check: name, ok, detail });
  try {
    const cables = (process.env.CABLELINT_E2E_CABLES ?? '').split(':').filter((p) => p);
    const codesOf = cablelintCodes;
    const docs: vscode.TextDocument[] = [];
    for (const file of cables) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(doc, { preview: false });
      docs.push(doc);
    }
    if (scenario === 'untrusted') {
      check('the workspace is untrusted', !vscode.workspace.isTrusted, `isTrusted ${vscode.workspace.isTrusted}`);
      const shown = !!await waitFor(() => docs.length > 0 && codesOf(docs[0].uri).length > 0, 20000);
      const ext = vscode.extensions.getExtension('cablelint.cablelint');
      const bundled = ext ? path.join(ext.extensionPath, 'server', 'cablelint') : '?';
      check(
        'diagnostics in Restricted Mode, from the bundled binary',
        shown && api.serverCommand() === bundled,
        `state ${api.state()}; server ${api.serverCommand()}; codes ${docs.length ? codesOf(docs[0].uri).join(',') : '-'}`,
      );
    } else if (scenario === 'multiroot') {
      // The first folder reports CBL207; the second one's settings ignore it.
      const ok = !!await waitFor(
        () => docs.length === 2 && codesOf(docs[0].uri).includes('CBL207') && codesOf(docs[1].uri).length > 0 && !codesOf(docs[1].uri).includes('CBL207'),
        20000,
      );
      check(
        'per-folder settings in a multi-root workspace',
        ok,
        docs.map((d) => `${path.basename(path.dirname(d.uri.fsPath))}: ${codesOf(d.uri).join(',')}`).join('; '),
      );
    } else if (scenario === 'missing') {
      // cablelint.path names a program that is nowhere: the state is an error (the rendered window
      // is checked by workspaces.js: one error, whose Open Settings shows the setting).
      const failed = !!await waitFor(() => api.state() === 'error', 20000);
      check('a missing program is an error', failed, `state ${api.state()}; command ${api.serverCommand()}`);
    } else if (scenario === 'crashes') {
      // cablelint.path names a wrapper that kills the server a few seconds after each of its first five
      // starts: after the fifth crash in three minutes the server stays stopped (the rendered window is
      // checked by workspaces.js: one error whose Restart Server button it presses), and the restart brings
      // the open cable's diagnostics back.
      const stopped = !!(await waitFor(() => api.state() === 'error', 90000, 100));
      const cleared = docs.length > 0 && codesOf(docs[0].uri).length === 0;
      check(
        'five crashes in three minutes stop the server with an error',
        stopped && cleared,
        `state ${api.state()}; diagnostics ${docs.length ? codesOf(docs[0].uri).join(',') || 'none' : '-'}`,
      );
      const back = !!(await waitFor(() => api.state() === 'running' && docs.length > 0 && codesOf(docs[0].uri).length > 0, 60000, 100));
      check(
        'Restart Server brings the diagnostics back',
        stopped && back,
        `state ${api.state()}; codes ${docs.length ? codesOf(docs[0].uri).join(',') : '-'}`,
      );
    } else {
      check('scenario', false, `unknown scenario ${scenario}`);
    }
  } catch (e) {
    check('scenario', false, `error: ${e instanceof Error ? e.stack : String(e)}`);
  }
  write({ done: true });
}
