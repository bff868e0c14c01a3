// What the end-to-end checks of the extension host share (e2e.ts, e2e_drafting.ts, e2e_editing.ts,
// e2e_workspace.ts; run only under .ci/e2e/vscode.sh): waiting, reading diagnostics and completion
// items, and describing where two texts differ.
import * as vscode from 'vscode';

/** Records one check: its name, whether it passed, and what was seen. */
export type Check = (name: string, ok: boolean, detail: string) => void;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Calls `fn` every `every` milliseconds until it gives a truthy value, which is returned, or until `ms`
 * milliseconds have passed (undefined).
 */
export async function waitFor<T>(fn: () => T | undefined | false, ms: number, every = 50): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) {
      return v;
    }
    if (Date.now() > deadline) {
      return undefined;
    }
    await sleep(every);
  }
}

/** The rule code of a diagnostic (`CBL302`), whether the client gave it as a string or `{value, target}`. */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return String(typeof c === 'object' && c !== null ? c.value : c);
}

/** The codes of the diagnostics cablelint reports for a document. */
export function cablelintCodes(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'cablelint')
    .map(codeOf);
}

/** The label of a completion item, whether plain or a `CompletionItemLabel`. */
export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Where two texts first differ, line by line, for a failure's detail. */
export function firstDifference(got: string, want: string): string {
  const g = got.split('\n');
  const w = want.split('\n');
  for (let i = 0; i < Math.max(g.length, w.length); i++) {
    if (g[i] !== w[i]) {
      return `line ${i + 1} is ${JSON.stringify(g[i] ?? '(none)')}, expected ${JSON.stringify(w[i] ?? '(none)')}`;
    }
  }
  return 'same lines';
}

/** Replaces the whole text of a document through a workspace edit (the document stays open). */
export async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  await vscode.workspace.applyEdit(edit);
}

/** The 0-based number of the first line of a document whose text passes `test`, or -1. */
export function findLine(doc: vscode.TextDocument, test: (text: string) => boolean): number {
  for (let i = 0; i < doc.lineCount; i++) {
    if (test(doc.lineAt(i).text)) {
      return i;
    }
  }
  return -1;
}
