// End-to-end checks of what accepting a completion and applying a quick fix leave in the buffer (run by the
// self-test in e2e.ts, only under .ci/e2e/vscode.sh). The extension host writes each scenario's text and puts
// the cursor; the browser driver (.ci/e2e/vscode/e2e.js) then does what a user does in the rendered window:
// Ctrl+Space, the item chosen by its label in the suggest widget, Enter; or Ctrl+., the action chosen by its
// title in the quick fix menu, Enter. VS Code's own insertion and edit logic runs, and the check is the
// document's text afterwards. The two talk through two files beside CABLELINT_E2E_OUT: `.ui-request.json`
// (written here) and `.ui-response.json` (written by the driver), each `{"id": n, ...}`.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Api } from './extension';
import { Check, codeOf, firstDifference, setText, sleep, waitFor } from './e2e_util';

/** What the driver answers: whether it found and accepted the item, and what it saw. */
interface UiAnswer {
  id: number;
  ok: boolean;
  detail: string;
}

let requestId = 0;

/**
 * Asks the browser driver to act in the rendered window and waits for its answer (at most 30 s).
 * `suggest` opens the suggest widget and accepts the item whose label is `label` (or matches the
 * regular expression `pattern`, or, with `first`, the item it focuses first); `quickfix` opens the quick
 * fix menu and applies the action titled `title`.
 */
async function ui(request: {
  action: 'suggest' | 'quickfix';
  label?: string;
  pattern?: string;
  first?: boolean;
  title?: string;
}): Promise<UiAnswer> {
  const out = process.env.CABLELINT_E2E_OUT ?? '';
  const id = ++requestId;
  const response = `${out}.ui-response.json`;
  fs.writeFileSync(`${out}.ui-request.json.tmp`, JSON.stringify({ id, ...request }));
  fs.renameSync(`${out}.ui-request.json.tmp`, `${out}.ui-request.json`);
  const answer = await waitFor(() => {
    try {
      const a = JSON.parse(fs.readFileSync(response, 'utf8')) as UiAnswer;
      return a.id === id ? a : undefined;
    } catch {
      return undefined;
    }
  }, 30000);
  return answer ?? { id, ok: false, detail: 'the browser driver did not answer within 30 s' };
}

/** Text replacements applied in order, each to the first occurrence of its first string. */
type Replacements = [string, string][];

function replaced(text: string, replacements: Replacements): string {
  let out = text;
  for (const [from, to] of replacements) {
    if (!out.includes(from)) {
      throw new Error(`"${from}" is not in the text`);
    }
    out = out.replace(from, to);
  }
  return out;
}

/**
 * A completion accepted in the suggest widget. The text is the fixture's with `from` applied; the cursor goes
 * right after the first `at`; the item is the one labelled `label` (or matching `pattern`, or the first
 * one the widget focuses with `first`); the line that held the cursor must then be `expect` (or match `expectPattern`).
 */
interface CompletionScenario {
  name: string;
  from: Replacements;
  at: string;
  label?: string;
  pattern?: string;
  /** Accept the item the widget focuses first (Enter at once) instead of one chosen by label. */
  first?: boolean;
  expect?: string;
  expectPattern?: RegExp;
}

// The scenarios of .ci/e2e/nvim/completion.lua and .ci/e2e/emacs/completion.el (issue 15 items 1, 2 and 7),
// on the fixture 09OSLO417.cable, and a few that only a widget filtering on what is typed can get wrong.
const COMPLETIONS: CompletionScenario[] = [
  {
    name: 'marking after ( keeps the first word',
    from: [['¶3. (S) Eide said', '¶3. (Eide said']],
    at: '¶3. (',
    label: '(S)',
    expect: '¶3. (S) Eide said privately that his minister expects a harder',
  },
  {
    name: 'tag completed mid-word (PR|EL)',
    from: [['TAGS: [PREL](#) [EFIS](#) [NO](#) [CH](#)', 'TAGS: PGOV PREL NO']],
    at: 'TAGS: PGOV PR',
    label: 'PREF',
    expect: 'TAGS: PGOV PREF NO',
  },
  {
    name: 'addressee by city',
    from: [['INFO RUEHBJ/AMEMBASSY BEIJING 0311\n', 'INFO RUEHBJ/AMEMBASSY BEIJING 0311\nTOKYO\n']],
    at: '\nTOKYO',
    label: 'RUEHKO/AMEMBASSY TOKYO',
    expect: 'RUEHKO/AMEMBASSY TOKYO',
  },
  {
    name: 'TO addressee by routing indicator and address',
    from: [['TO RUEHC/SECSTATE WASHDC PRIORITY 5121', 'TO RUEHKO/AMEMB']],
    at: 'TO RUEHKO/AMEMB',
    label: 'RUEHKO/AMEMBASSY TOKYO',
    expect: 'TO RUEHKO/AMEMBASSY TOKYO',
  },
  {
    name: 'TO addressee by city',
    from: [['TO RUEHC/SECSTATE WASHDC PRIORITY 5121', 'TO TOKYO']],
    at: 'TO TOKYO',
    label: 'RUEHKO/AMEMBASSY TOKYO',
    expect: 'TO RUEHKO/AMEMBASSY TOKYO',
  },
  {
    name: 'addressee replaced from inside it',
    from: [['RUEHMO/AMEMBASSY MOSCOW 0907', 'RUEHMO/AMEMBASSY MOSCOW PRIORITY 0907']],
    at: '\nRUEH',
    label: 'RUEHLO/AMEMBASSY LONDON',
    expect: 'RUEHLO/AMEMBASSY LONDON PRIORITY 0907',
  },
  {
    name: 'banner while typing CONF',
    from: [['C O N F I D E N T I A L OSLO 000417', 'CONF']],
    at: '\nCONF',
    label: 'C O N F I D E N T I A L',
    expect: 'C O N F I D E N T I A L OSLO 000417',
  },
  // The banner completed with the origin and serial already after the cursor: they stay (the scenario
  // "banner: CONF typed before the origin keeps the origin" of the Neovim and Emacs suites).
  {
    name: 'banner: CONF typed before the origin keeps the origin',
    from: [['C O N F I D E N T I A L OSLO 000417', 'CONF OSLO 000417']],
    at: '\nCONF',
    label: 'C O N F I D E N T I A L',
    expect: 'C O N F I D E N T I A L OSLO 000417',
  },
  {
    name: 'banner: S E C typed before the origin keeps the origin',
    from: [['C O N F I D E N T I A L OSLO 000417', 'S E C OSLO 000417']],
    at: '\nS E C',
    label: 'S E C R E T',
    expect: 'S E C R E T OSLO 000417',
  },
  {
    name: 'banner while typing C O N',
    from: [['C O N F I D E N T I A L OSLO 000417', 'C O N']],
    at: '\nC O N',
    label: 'C O N F I D E N T I A L',
    expect: 'C O N F I D E N T I A L OSLO 000417',
  },
  {
    name: 'date-time group',
    from: [['P 141522Z MAR 09', 'P ']],
    at: '\nP ',
    pattern: '^\\d{6}Z [A-Z]{3} \\d\\d$',
    expectPattern: /^P \d{6}Z [A-Z]{3} \d\d$/,
  },
  {
    name: 'DE line',
    from: [['DE RUEHNY #0417 0731522', 'D']],
    at: '\nD',
    label: 'DE RUEHNY #0417 0731522',
    expect: 'DE RUEHNY #0417 0731522',
  },
  {
    name: 'FL2 prosign and routing indicators',
    from: [['PP RUEHBJ RUEHMO', 'P']],
    at: '\nP',
    label: 'PP RUEHC RUEHBJ RUEHMO RUEHSM',
    expect: 'PP RUEHC RUEHBJ RUEHMO RUEHSM',
  },
  {
    name: 'reason list',
    from: [['Reasons 1.4 (B) (D)', 'Reasons 1.4 (b)']],
    at: 'Reasons 1',
    label: '1.4 (b) and (d)',
    expect: "Classified By: Charge d'Affaires Ingrid Vale. Reasons 1.4 (b) and (d)",
  },
  {
    name: 'reason letter after (d',
    from: [['Reasons 1.4 (B) (D)', 'Reasons 1.4 (b) and (d']],
    at: 'and (d',
    label: '(d)',
    expect: "Classified By: Charge d'Affaires Ingrid Vale. Reasons 1.4 (b) and (d)",
  },
  {
    name: 'reason letter in the 1.4(b), (d) style',
    from: [['Reasons 1.4 (B) (D)', 'Reasons 1.4(b), (']],
    at: 'Reasons 1.4(b), (',
    label: '(d)',
    expect: "Classified By: Charge d'Affaires Ingrid Vale. Reasons 1.4(b), (d)",
  },
  {
    name: 'INFO addressee by city',
    from: [['INFO RUEHBJ/AMEMBASSY BEIJING 0311', 'INFO TOK']],
    at: 'INFO TOK',
    label: 'RUEHKO/AMEMBASSY TOKYO',
    expect: 'INFO RUEHKO/AMEMBASSY TOKYO',
  },
  {
    name: 'TO addressee replaced from inside it',
    from: [],
    at: 'TO RUEH',
    label: 'RUEHKO/AMEMBASSY TOKYO',
    expect: 'TO RUEHKO/AMEMBASSY TOKYO PRIORITY 5121',
  },
  {
    name: 'DE line partly typed',
    from: [['DE RUEHNY #0417 0731522', 'DE RUEH']],
    at: '\nDE RUEH',
    label: 'DE RUEHNY #0417 0731522',
    expect: 'DE RUEHNY #0417 0731522',
  },
  // What Enter gives at once, the widget's first (preselected) item: what the cable already says comes first.
  {
    name: 'Enter at once on FM: the post of the DE station',
    from: [['FM AMEMBASSY OSLO', 'FM ']],
    at: '\nFM ',
    first: true,
    expect: 'FM AMEMBASSY OSLO',
  },
  {
    name: 'Enter at once after an INFO address: the precedence of the cable, not FLASH',
    from: [['INFO RUEHBJ/AMEMBASSY BEIJING 0311', 'INFO RUEHBJ/AMEMBASSY BEIJING ']],
    at: 'INFO RUEHBJ/AMEMBASSY BEIJING ',
    first: true,
    expect: 'INFO RUEHBJ/AMEMBASSY BEIJING PRIORITY',
  },
  {
    name: 'Enter at once before a paragraph: the marking of the banner',
    from: [['¶2. (C) Ministry', '¶2. Ministry']],
    at: '¶2. ',
    first: true,
    expect: '¶2. (C) Ministry of Fisheries Director Lars Eide told PolOff that',
  },
  {
    name: 'Enter at once on FL1: VZCZC, the channel and the sequence',
    from: [['VZCZCXRO5120', 'VZ']],
    at: 'VZ',
    first: true,
    expectPattern: /^VZCZCXRO\d{4}$/,
  },
  {
    name: 'Enter at once on FL4: the security warning of the banner',
    from: [['ZNY CCCCC ZZH', 'ZN ZZH']],
    at: '\nZN',
    first: true,
    expect: 'ZNY CCCCC ZZH',
  },
  {
    name: 'tag by country name (KOREA)',
    from: [['TAGS: [PREL](#) [EFIS](#) [NO](#) [CH](#)', 'TAGS: PGOV KOREA']],
    at: 'TAGS: PGOV KOREA',
    label: 'KN',
    expect: 'TAGS: PGOV KN',
  },
  {
    name: 'tag by a name in two words (SOUTH KOR)',
    from: [['TAGS: [PREL](#) [EFIS](#) [NO](#) [CH](#)', 'TAGS: PGOV SOUTH KOR']],
    at: 'TAGS: PGOV SOUTH KOR',
    label: 'KS',
    expect: 'TAGS: PGOV KS',
  },
  {
    name: 'DE line by post name typed in lower case, no FM line yet',
    from: [
      ['FM AMEMBASSY OSLO\n', ''],
      ['DE RUEHNY #0417 0731522', 'de oslo'],
    ],
    at: '\nde oslo',
    label: 'DE RUEHNY #0417 0731522',
    expect: 'DE RUEHNY #0417 0731522',
  },
  {
    name: 'tag by country name',
    from: [['TAGS: [PREL](#) [EFIS](#) [NO](#) [CH](#)', 'TAGS: PGOV JAP']],
    at: 'TAGS: PGOV JAP',
    label: 'JA',
    expect: 'TAGS: PGOV JA',
  },
];

/**
 * A quick fix chosen by title in the quick fix menu, with the cursor inside the first `at`. The text is the
 * fixture's with `from` applied; afterwards the whole buffer must be the fixture's with `expect` applied.
 */
interface FixScenario {
  name: string;
  from: Replacements;
  code: string;
  at: string;
  title: string;
  expect: Replacements;
}

// Each kind of fix the server offers: safe, unsafe, the banner raised (its SPECAT suffix kept), the marking
// lowered instead, TAGS markup one token and all at once, and a computed header field.
const FIXES: FixScenario[] = [
  {
    name: 'safe fix: the section of the reasons',
    from: [['Reasons 1.4 (B) (D)', 'Reasons 1.5 (B) (D)']],
    code: 'CBL224',
    at: '1.5 (B)',
    title: 'Write `1.4` (CBL224)',
    expect: [],
  },
  {
    name: 'unsafe fix: NIACT IMMEDIATE on an INFO line',
    from: [['RUEHMO/AMEMBASSY MOSCOW 0907', 'RUEHMO/AMEMBASSY MOSCOW NIACT IMMEDIATE 0907']],
    code: 'CBL110',
    at: 'NIACT IMMEDIATE',
    title: 'Replace with IMMEDIATE (CBL110) — unsafe',
    expect: [['RUEHMO/AMEMBASSY MOSCOW 0907', 'RUEHMO/AMEMBASSY MOSCOW IMMEDIATE 0907']],
  },
  {
    name: 'TAGS markup of one token',
    from: [],
    code: 'CBL302',
    at: '[EFIS](#)',
    title: 'Remove the link markup: write `EFIS` (CBL302)',
    expect: [['[EFIS](#)', 'EFIS']],
  },
  {
    name: 'TAGS markup of the whole line',
    from: [],
    code: 'CBL302',
    at: '[NO](#)',
    title: 'Fix all `tags-markup` problems (CBL302, 4)',
    expect: [['TAGS: [PREL](#) [EFIS](#) [NO](#) [CH](#)', 'TAGS: PREL EFIS NO CH']],
  },
  {
    name: 'raise the banner, keeping the SPECAT suffix',
    from: [['ZNY CCCCC ZZH', 'ZNY CCCCC/AAAAA ZZH']],
    code: 'CBL207',
    at: '(S) Eide',
    title: 'Raise the banner to S E C R E T (CBL207) — unsafe',
    expect: [
      ['ZNY CCCCC ZZH', 'ZNY SSSSS/AAAAA ZZH'],
      ['C O N F I D E N T I A L OSLO 000417', 'S E C R E T OSLO 000417'],
    ],
  },
  {
    name: 'lower the marking to the banner',
    from: [],
    code: 'CBL207',
    at: '(S) Eide',
    title: 'Lower the marking to (C) (CBL207) — unsafe',
    expect: [['¶3. (S) Eide', '¶3. (C) Eide']],
  },
  {
    name: 'julian day of the date-time group',
    from: [['DE RUEHNY #0417 0731522', 'DE RUEHNY #0417 0721522']],
    code: 'CBL111',
    at: '0721522',
    title: 'Write the julian day of the date-time group, 073 (CBL111) — unsafe',
    expect: [],
  },
];

// Several faults at once for fix-all: safe fixes (TAGS markup, the section of the reasons) beside unsafe
// ones that fix-all must leave (the julian day, NIACT on an INFO line, the paragraph above the banner).
const FIX_ALL_FROM: Replacements = [
  ['DE RUEHNY #0417 0731522', 'DE RUEHNY #0417 0721522'],
  ['RUEHMO/AMEMBASSY MOSCOW 0907', 'RUEHMO/AMEMBASSY MOSCOW NIACT IMMEDIATE 0907'],
  ['Reasons 1.4 (B) (D)', 'Reasons 1.5 (B) (D)'],
];

/** Puts the cursor right after the first `at` (or, with `inside`, one character into it), in view. */
function placeCursor(editor: vscode.TextEditor, at: string, inside: boolean): vscode.Position {
  const text = editor.document.getText();
  const i = text.indexOf(at);
  if (i < 0) {
    throw new Error(`"${at}" is not in the text`);
  }
  const pos = editor.document.positionAt(inside ? i + 1 : i + at.length);
  editor.selection = new vscode.Selection(pos, pos);
  // In view, as a user who types there sees it (the widgets open at the cursor).
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
  return pos;
}

export async function editingChecks(file: string, check: Check, api: Api): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const original = doc.getText();
  const editor = await vscode.window.showTextDocument(doc);
  const guarded = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      check(name, false, `error: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  for (const s of COMPLETIONS) {
    await guarded(`completion ${s.name}`, async () => {
      await setText(doc, replaced(original, s.from));
      await vscode.window.showTextDocument(doc, editor.viewColumn);
      const pos = placeCursor(editor, s.at, false);
      const before = doc.getText();
      const answer = await ui({ action: 'suggest', label: s.label, pattern: s.pattern, first: s.first });
      await waitFor(() => doc.getText() !== before, 10000);
      const got = doc.lineAt(pos.line).text;
      const ok = answer.ok && (s.expect !== undefined ? got === s.expect : !!s.expectPattern?.test(got));
      check(`completion ${s.name}`, ok, `line ${pos.line + 1} is "${got}"; ${answer.detail}`);
    });
  }

  const diagnosticAt = (code: string, pos: vscode.Position) =>
    vscode.languages.getDiagnostics(doc.uri).some((d) => codeOf(d) === code && d.range.contains(pos));
  for (const s of FIXES) {
    await guarded(`quick fix ${s.name}`, async () => {
      await setText(doc, replaced(original, s.from));
      await vscode.window.showTextDocument(doc, editor.viewColumn);
      const pos = placeCursor(editor, s.at, true);
      if (!(await waitFor(() => diagnosticAt(s.code, pos), 10000))) {
        throw new Error(`no ${s.code} diagnostic at ${pos.line + 1}:${pos.character + 1}`);
      }
      const want = replaced(original, s.expect);
      const before = doc.getText();
      const answer = await ui({ action: 'quickfix', title: s.title });
      await waitFor(() => doc.getText() !== before, 10000);
      const got = doc.getText();
      check(
        `quick fix ${s.name}`,
        answer.ok && got === want && got !== before,
        `${got === want ? 'buffer is the expected text' : firstDifference(got, want)}; ${answer.detail}`,
      );
    });
  }

  // source.fixAll as VS Code runs it: the Fix All command (editor.action.fixAll), the extension's own
  // command, and on save with `editor.codeActionsOnSave` as the README suggests. Each must give the text
  // `cablelint check --fix` writes for the same text.
  const text = replaced(original, FIX_ALL_FROM);
  const cli = spawnSync(api.serverCommand(), ['check', '--fix', '--stdin-filename', file, '-'], {
    input: text,
    cwd: path.dirname(file),
    encoding: 'utf8',
  });
  const want = cli.stdout;
  // Saves the document with `editor.codeActionsOnSave` set to run the code actions of `kind` (and not the
  // formatting on save that the user settings ask for cables).
  const saveWithCodeActions = async (kind: string) => {
    const cfg = vscode.workspace.getConfiguration('editor', { languageId: 'cable' });
    await cfg.update('codeActionsOnSave', { [kind]: 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    await cfg.update('formatOnSave', false, vscode.ConfigurationTarget.Workspace, true);
    try {
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor(() => !doc.isDirty, 5000);
    } finally {
      await cfg.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      await cfg.update('formatOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  };
  const ways: [string, () => Thenable<unknown>][] = [
    ['source.fixAll (editor.action.fixAll) is check --fix', () => vscode.commands.executeCommand('editor.action.fixAll')],
    ['command cablelint.fixAll is check --fix', () => vscode.commands.executeCommand('cablelint.fixAll')],
    ['source.fixAll.cablelint on save is check --fix', () => saveWithCodeActions('source.fixAll.cablelint')],
    ['source.fixAll on save is check --fix', () => saveWithCodeActions('source.fixAll')],
  ];
  for (const [name, run] of ways) {
    await guarded(name, async () => {
      if (!want || want === text) {
        throw new Error(`cablelint check --fix gave ${want ? 'the text unchanged' : 'no text'}: ${cli.stderr.slice(0, 300)}`);
      }
      await setText(doc, text);
      await vscode.window.showTextDocument(doc, editor.viewColumn);
      await waitFor(() => vscode.languages.getDiagnostics(doc.uri).some((d) => codeOf(d) === 'CBL224'), 10000);
      await run();
      const got = await waitFor(() => (doc.getText() !== text ? doc.getText() : undefined), 10000);
      const saved = name.includes('on save') ? fs.readFileSync(file, 'utf8') : got;
      if (got === undefined || saved === undefined) {
        check(name, false, 'the buffer was left as it was');
        return;
      }
      check(
        name,
        got === want && saved === want,
        got !== want
          ? firstDifference(got, want)
          : saved !== want
            ? `saved file: ${firstDifference(saved, want)}`
            : 'buffer is the text check --fix writes',
      );
    });
  }

  // The file as it was on disk (the save above wrote it).
  fs.writeFileSync(file, original);
  await setText(doc, original);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  await sleep(200);
}
