// End-to-end self-test run inside the VS Code extension host, only when CABLELINT_E2E_OUT is set by
// .ci/e2e/vscode.sh. It opens each case's cable, follows the steps of its .expect.json (the same file the
// Neovim and Emacs suites read) through the VS Code API, and writes one JSON line per check to the file
// named by CABLELINT_E2E_OUT, ending with {"done": true, "failures": n}.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Api } from './extension';
import { draftingChecks } from './e2e_drafting';
import { editingChecks } from './e2e_editing';
import { workspaceSettingsChecks } from './e2e_workspace';
import { Check, codeOf, firstDifference, labelOf, setText, waitFor } from './e2e_util';

interface Step {
  kind: string;
  line?: number;
  find?: string;
  expect?: unknown;
  code?: string;
  expect_line?: string;
  set_line?: string;
  settings?: Record<string, unknown>;
  end_line?: number;
  expect_file?: string;
}

interface Case {
  name: string;
  file: string;
  expect: string;
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n');
}

function offers(item: vscode.CompletionItem, want: string): boolean {
  const texts = [labelOf(item), item.filterText, typeof item.insertText === 'string' ? item.insertText : item.insertText?.value];
  return texts.some((t) => typeof t === 'string' && (t === want || new RegExp(`^${want}[^A-Za-z0-9]`).test(t)));
}

export async function runSelfTest(out: string, casesFile: string, api: Api): Promise<void> {
  let failures = 0;
  const write = (o: object) => fs.appendFileSync(out, JSON.stringify(o) + '\n');
  const check = (name: string, caseName: string, ok: boolean, detail: string) => {
    if (!ok) {
      failures++;
    }
    write({ case: caseName, check: name, ok, detail });
  };
  try {
    const cases: Case[] = JSON.parse(fs.readFileSync(casesFile, 'utf8'));
    const running = await waitFor(() => api.state() === 'running', 20000);
    check('server running', '-', !!running, `status bar state: ${api.state()}`);
    if (process.env.CABLELINT_E2E_SERVER === 'bundled') {
      // A platform .vsix with no `cablelint` on PATH: the server must be the binary inside the extension.
      const ext = vscode.extensions.getExtension('cablelint.cablelint');
      const want = ext ? path.join(ext.extensionPath, 'server', 'cablelint') : '(extension not found)';
      check('server is the bundled binary', '-', api.serverCommand() === want, `command ${api.serverCommand()}; want ${want}`);
    }
    for (const c of cases) {
      await runCase(c, (name, ok, detail) => check(name, c.name, ok, detail), api);
    }
    // The drafting aids (inlay hints, the new-cable skeleton) on the project's own fixture.
    const oslo = cases.find((c) => c.name === '09OSLO417');
    if (oslo) {
      await draftingChecks(oslo.file, (name, ok, detail) => check(name, 'drafting', ok, detail), api);
      // Completions accepted and quick fixes applied in the rendered window: the buffer text afterwards.
      await editingChecks(oslo.file, (name, ok, detail) => check(name, 'editing', ok, detail), api);
    } else {
      check('drafting aids', '-', false, 'no 09OSLO417 case');
    }
    if (cases.length) {
      await extensionChecks(cases[0], (name, ok, detail) => check(name, 'extension', ok, detail), api);
    }
  } catch (e) {
    check('self-test', '-', false, `error: ${e instanceof Error ? e.stack : String(e)}`);
  }
  write({ done: true, failures });
}

async function runCase(c: Case, check: Check, api: Api): Promise<void> {
  const steps: Step[] = JSON.parse(fs.readFileSync(c.expect, 'utf8')).steps;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(c.file));
  const editor = await vscode.window.showTextDocument(doc);
  const original = doc.getText();
  check('language', doc.languageId === 'cable', `languageId=${doc.languageId}`);

  const diagsOn = (code: string, line: number) =>
    vscode.languages.getDiagnostics(doc.uri).filter((d) => codeOf(d) === code && d.range.start.line === line - 1);
  const restore = () => setText(doc, original);
  const positionOf = (line: number, find: string) => {
    const text = doc.lineAt(line - 1).text;
    const i = text.indexOf(find);
    if (i < 0) {
      throw new Error(`"${find}" not found on line ${line}: ${text}`);
    }
    return new vscode.Position(line - 1, i + 1);
  };
  const guarded = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      check(name, false, `error: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  for (const step of steps) {
    if (step.kind === 'diagnostics') {
      const expect = step.expect as { code: string; line: number; at?: string }[];
      await waitFor(() => expect.every((e) => diagsOn(e.code, e.line).length > 0), 15000);
      const all = vscode.languages.getDiagnostics(doc.uri);
      check(
        'diagnostics seen',
        true,
        all.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} [${codeOf(d)}] ${d.message}`).join(' | '),
      );
      for (const e of expect) {
        const found = diagsOn(e.code, e.line);
        let ok = found.length > 0;
        let detail = `${e.code} on line ${e.line}`;
        if (ok && e.at) {
          const col = doc.lineAt(e.line - 1).text.indexOf(e.at);
          ok = found.some((d) => d.range.start.character === col);
          detail += ` starting at "${e.at}" (UTF-16 column ${col}; got ${found.map((d) => d.range.start.character).join(',')})`;
        }
        if (ok) {
          detail += ` source=${found[0].source}`;
        }
        check(`diagnostic ${e.code}`, ok, detail);
      }
    } else if (step.kind === 'config') {
      // Live reload: changing cablelint.* settings must re-check the open cable without a restart.
      await guarded(`config ${JSON.stringify(step.settings)}`, async () => {
        if (!(await waitFor(() => diagsOn(step.code!, step.line!).length > 0, 5000))) {
          throw new Error(`no ${step.code} diagnostic on line ${step.line} before the change`);
        }
        const cfg = vscode.workspace.getConfiguration('cablelint');
        const keys = Object.keys(step.settings ?? {});
        for (const k of keys) {
          await cfg.update(k, step.settings![k], vscode.ConfigurationTarget.Workspace);
        }
        const gone = await waitFor(() => diagsOn(step.code!, step.line!).length === 0, 10000);
        check(`config ${JSON.stringify(step.settings)} clears ${step.code}`, !!gone, gone ? '' : 'still reported after 10 s');
        for (const k of keys) {
          await cfg.update(k, undefined, vscode.ConfigurationTarget.Workspace);
        }
        const back = await waitFor(() => diagsOn(step.code!, step.line!).length > 0, 10000);
        check(`config reset brings back ${step.code}`, !!back, back ? '' : 'not reported again after 10 s');
      });
    } else if (step.kind === 'hover') {
      await guarded(`hover ${step.find}`, async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          doc.uri,
          positionOf(step.line!, step.find!),
        );
        const text = hoverText(hovers);
        check(`hover ${step.find}`, text.includes(step.expect as string), `want "${step.expect}", got "${text.replace(/\s+/g, ' ')}"`);
      });
    } else if (step.kind === 'fix') {
      // A user fixes each squiggle of the code on the line with its quick fix, until none is left.
      await guarded(`quick fix ${step.code}`, async () => {
        if (!(await waitFor(() => diagsOn(step.code!, step.line!).length > 0, 5000))) {
          throw new Error(`no ${step.code} diagnostic on line ${step.line} to fix`);
        }
        const applied: string[] = [];
        for (let round = 0; round < 20; round++) {
          const found = diagsOn(step.code!, step.line!);
          if (!found.length) {
            break;
          }
          const actions =
            (await vscode.commands.executeCommand<vscode.CodeAction[]>(
              'vscode.executeCodeActionProvider',
              doc.uri,
              found[0].range,
              vscode.CodeActionKind.QuickFix.value,
            )) ?? [];
          // The fix for this diagnostic: a quick fix naming it, else (when actions name no diagnostics)
          // the preferred quick fix at its range.
          const quickfixes = actions.filter((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
          const naming = quickfixes.filter((a) => (a.diagnostics ?? []).some((x) => codeOf(x) === step.code));
          const candidates = naming.length ? naming : quickfixes.filter((a) => !a.diagnostics?.length);
          const action = candidates.find((a) => a.isPreferred) ?? candidates[0];
          if (!action && round < 19) {
            // The diagnostics shown may still be those of an earlier text or settings (their ranges
            // no longer match, or the server has not caught up): wait and look again.
            await new Promise((r) => setTimeout(r, 250));
            continue;
          }
          if (applied.length === 0) {
            check(
              `quick fix ${step.code} offered`,
              !!action,
              actions
                .map((a) => `"${a.title}" (${a.kind?.value}${a.isPreferred ? ', preferred' : ''}; for ${(a.diagnostics ?? []).map(codeOf).join(',') || '-'})`)
                .join(' '),
            );
          }
          if (!action) {
            break;
          }
          if (action.edit) {
            await vscode.workspace.applyEdit(action.edit);
          }
          if (action.command) {
            await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
          }
          applied.push(action.title);
          // The next round starts from the diagnostics of the edited text; if they are slow to
          // come, the next round looks again (the loop is bounded).
          await waitFor(() => diagsOn(step.code!, step.line!).length < found.length, 5000);
        }
        const got = doc.lineAt(step.line! - 1).text;
        check(`quick fix ${step.code}`, got === step.expect_line, `applied ${applied.length} fix(es) (${applied.join('; ')}); line ${step.line} is "${got}"`);
        await waitFor(() => diagsOn(step.code!, step.line!).length === 0, 5000);
        const left = diagsOn(step.code!, step.line!).length;
        check(`fixed diagnostics cleared ${step.code}`, left === 0, left ? `${left} still reported` : '');
      });
      await restore();
    } else if (step.kind === 'fix_all') {
      await guarded('command cablelint.fixAll', async () => {
        await vscode.window.showTextDocument(doc, editor.viewColumn);
        const applied = await vscode.commands.executeCommand<boolean>('cablelint.fixAll');
        const got = await waitFor(() => doc.lineAt(step.line! - 1).text === step.expect_line, 5000);
        check('command cablelint.fixAll', !!got, `applied=${applied}; line ${step.line} is "${doc.lineAt(step.line! - 1).text}"`);
      });
      await restore();
    } else if (step.kind === 'completion') {
      await guarded('completion', async () => {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(doc.uri, doc.lineAt(step.line! - 1).range, step.set_line!);
        await vscode.workspace.applyEdit(edit);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          doc.uri,
          new vscode.Position(step.line! - 1, step.set_line!.length),
        );
        const items = list?.items ?? [];
        const missing = (step.expect as string[]).filter((w) => !items.some((it) => offers(it, w)));
        check(
          `completion after "${step.set_line}"`,
          missing.length === 0,
          `${items.length} items: ${items.slice(0, 12).map(labelOf).join(',')}${missing.length ? ` MISSING ${missing.join(',')}` : ''}`,
        );
      });
      await restore();
    } else if (step.kind === 'format' || step.kind === 'range_format') {
      // What a user runs: Format Document, or Format Selection over the lines; the buffer text afterwards
      // must be the expected file (`cablelint fmt -` of the cable, or that paragraph only).
      const range = step.kind === 'range_format';
      const name = range ? 'command editor.action.formatSelection' : 'command editor.action.formatDocument';
      await guarded(name, async () => {
        const want = fs.readFileSync(path.join(path.dirname(c.expect), step.expect_file!), 'utf8');
        if (doc.getText() === want) {
          throw new Error('the expected text is the buffer as it is, so the check could not fail');
        }
        const shown = await vscode.window.showTextDocument(doc, editor.viewColumn);
        if (range) {
          const last = doc.lineAt(step.end_line! - 1);
          shown.selection = new vscode.Selection(step.line! - 1, 0, step.end_line! - 1, last.text.length);
          await vscode.commands.executeCommand('editor.action.formatSelection');
        } else {
          await vscode.commands.executeCommand('editor.action.formatDocument');
        }
        const got = await waitFor(() => doc.getText() === want, 10000);
        check(name, !!got, got ? 'buffer is the expected text' : firstDifference(doc.getText(), want));
      });
      await restore();
    } else {
      check(`step ${step.kind}`, false, 'unknown step kind');
    }
  }
  // Leave the document as it was, unmodified and closed, for the rendered-editor checks that follow.
  await vscode.window.showTextDocument(doc, editor.viewColumn);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  void api;
}

// The extension's own commands and settings: restart, the server path, extra globs, the log.
async function extensionChecks(c: Case, check: Check, api: Api): Promise<void> {
  const cfg = () => vscode.workspace.getConfiguration('cablelint');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(c.file));
  await vscode.window.showTextDocument(doc);
  const hasDiagnostics = () => vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'cablelint');

  await vscode.commands.executeCommand('cablelint.restartServer');
  const restarted = await waitFor(() => api.state() === 'running' && hasDiagnostics(), 15000);
  check('command cablelint.restartServer', !!restarted, `state ${api.state()}; diagnostics ${hasDiagnostics() ? 'back' : 'missing'}`);

  // cablelint.path is a user setting (`machine` scope): a workspace cannot set it.
  await cfg().update('path', '/nonexistent/cablelint', vscode.ConfigurationTarget.Global);
  const broken = await waitFor(() => api.state() === 'error', 10000);
  check('setting cablelint.path to a missing file', !!broken, `status bar state: ${api.state()}`);
  await cfg().update('path', undefined, vscode.ConfigurationTarget.Global);
  const fixed = await waitFor(() => api.state() === 'running', 15000);
  check('resetting cablelint.path restarts the server', !!fixed, `status bar state: ${api.state()}`);

  const extra = vscode.Uri.file(c.file.replace(/\.cable$/, '.txt'));
  await vscode.workspace.fs.writeFile(extra, await vscode.workspace.fs.readFile(vscode.Uri.file(c.file)));
  await cfg().update('extraGlobs', ['**/*.txt'], vscode.ConfigurationTarget.Workspace);
  const txt = await vscode.workspace.openTextDocument(extra);
  await vscode.window.showTextDocument(txt);
  const asCable = await waitFor(
    () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === txt.uri.toString() && d.languageId === 'cable'),
    5000,
  );
  const txtDiagnostics = await waitFor(() => vscode.languages.getDiagnostics(extra).length > 0, 10000);
  check(
    'setting cablelint.extraGlobs',
    !!asCable && !!txtDiagnostics,
    `languageId ${asCable ? 'cable' : txt.languageId}; ${vscode.languages.getDiagnostics(extra).length} diagnostics`,
  );
  await cfg().update('extraGlobs', undefined, vscode.ConfigurationTarget.Workspace);

  await workspaceSettingsChecks(c.file, check, api);

  await vscode.commands.executeCommand('cablelint.showLog');
  check('command cablelint.showLog', true, 'ran without error');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closePanel');
}
