// End-to-end checks of the drafting aids (run by the self-test in e2e.ts, only under .ci/e2e/vscode.sh):
// the inlay hints the server gives a cable, as VS Code's inlay hint provider API returns them for the
// editor, and the new-cable skeleton that completion offers in an empty document: accepted as a user
// accepts it, the buffer holds exactly what `cablelint new` writes for the same minute, placeholders
// included, with the first placeholder selected.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Api } from './extension';
import { Check, findLine, sleep, waitFor } from './e2e_util';

function labelText(h: vscode.InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

export async function draftingChecks(
  file: string,
  check: Check,
  api: Api,
): Promise<void> {
  // 1. Inlay hints of the fixture cable (09OSLO417: DTG 141522Z MAR 09, DE 0731522, DECL 03/14/2019).
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc);
  const want = [
    ['DE RUEHNY', 'Sat 14 Mar 2009 15:22 UTC'],
    ['P 141522Z', 'Sat 14 Mar 2009 15:22 UTC'],
    ['TO RUEHC', '5121st to this addressee'],
    ['E.O. 12958', "10 years after the cable's date"],
  ];
  const lineOf = (prefix: string) => findLine(doc, (t) => t.startsWith(prefix));
  let hints: vscode.InlayHint[] = [];
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    hints =
      (await vscode.commands.executeCommand<vscode.InlayHint[]>(
        'vscode.executeInlayHintProvider',
        doc.uri,
        new vscode.Range(0, 0, doc.lineCount, 0),
      )) ?? [];
    if (hints.length >= want.length) {
      break;
    }
    await sleep(250);
  }
  for (const [prefix, label] of want) {
    const line = lineOf(prefix);
    const on = hints.filter((h) => h.position.line === line).map(labelText);
    check(`inlay hint on "${prefix}"`, on.includes(label), `line ${line + 1} has ${JSON.stringify(on)}; want "${label}"`);
  }
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

  // 2. The skeleton in an empty cable of a folder whose cablelint.toml has a [draft] table.
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!root) {
    check('skeleton snippet', false, 'no workspace folder');
    return;
  }
  const dir = path.join(root, 'drafting');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cablelint.toml'), '[draft]\npost = "AMEMBASSY OSLO"\nto = ["SECSTATE WASHDC"]\n');
  const empty = path.join(dir, 'new.cable');
  fs.writeFileSync(empty, '');
  try {
    const draft = await vscode.workspace.openTextDocument(vscode.Uri.file(empty));
    const editor = await vscode.window.showTextDocument(draft);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    // Time for the server to open the document and read the folder's cablelint.toml.
    await sleep(1500);
    let inserted = false;
    for (let attempt = 0; attempt < 5 && !inserted; attempt++) {
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await sleep(1500);
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      inserted = !!(await waitFor(() => draft.getText().length > 0, 3000));
    }
    const got = draft.getText();
    const lines = got.split('\n');
    const m = /^[A-Z]+ (\d\d)(\d\d)(\d\d)Z ([A-Z]{3}) (\d\d)$/.exec(lines[4] ?? '');
    let want = '';
    if (m) {
      const when = `20${m[5]}-${String(MONTHS.indexOf(m[4]) + 1).padStart(2, '0')}-${m[1]}T${m[2]}:${m[3]}`;
      const age = Math.abs(Date.parse(`${when}:00Z`) - Date.now());
      check('the inserted date-time group is now', age < 180000, `line 5 is "${lines[4]}"`);
      want = execFileSync(api.serverCommand(), ['new', '--date', when], { cwd: dir, encoding: 'utf8' });
    } else {
      check('the inserted date-time group is now', false, `line 5 is "${lines[4] ?? '(none)'}"`);
    }
    let detail = 'buffer is the skeleton';
    if (got !== want) {
      const w = want.split('\n');
      const i = lines.findIndex((l, k) => l !== w[k]);
      detail = `line ${i + 1} is ${JSON.stringify(lines[i] ?? '(none)')}, expected ${JSON.stringify(w[i] ?? '(none)')}`;
    }
    check('accepting "New cable" inserts the skeleton', inserted && want !== '' && got === want, detail);
    check('the skeleton keeps its placeholders', got.includes('[[') && !got.includes('${'), '');
    // The first placeholder is selected (the snippet's first tab stop).
    const first = /\[\[[^\]]*\]\]/.exec(got);
    const sel = vscode.window.activeTextEditor?.selection;
    const selected = sel ? draft.getText(sel) : '';
    const at = first ? draft.positionAt(first.index) : undefined;
    check(
      'the first placeholder is selected',
      !!first && !!sel && !!at && sel.start.isEqual(at) && selected === first[0],
      `selection "${selected}" at ${sel ? `${sel.start.line + 1}:${sel.start.character + 1}` : '-'}; first placeholder "${first?.[0]}"`,
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
