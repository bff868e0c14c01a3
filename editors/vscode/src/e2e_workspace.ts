// End-to-end checks of what a workspace may and may not decide (run by the self-test in e2e.ts, only
// under .ci/e2e/vscode.sh): a repository's .vscode/settings.json that names a program as
// cablelint.path is never run, and the server keeps working with the user's binary.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Api } from './extension';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(fn: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (fn()) {
      return true;
    }
    await sleep(100);
  }
  return fn();
}

export async function workspaceSettingsChecks(
  file: string,
  check: (name: string, ok: boolean, detail: string) => void,
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
    const running = await waitFor(() => api.state() === 'running' && hasDiagnostics(), 15000);
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
