// Tokenizes the invented fixture cable with the extension's TextMate grammar (vscode-textmate, the engine
// VS Code uses) and checks the scopes of the elements a drafter scans for. Run: npm test
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.resolve(__dirname, '..');
const fixture = path.resolve(root, '../test-fixtures/09OSLO417.cable');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () =>
      vsctm.parseRawGrammar(fs.readFileSync(path.join(root, 'syntaxes/cable.tmLanguage.json'), 'utf8'), 'cable.tmLanguage.json'),
  });
  return registry.loadGrammar('text.cable');
}

// Returns the scopes at the first occurrence of `find` on the first line matching `lineRe`.
function scopesAt(grammar, text, lineRe, find) {
  let stack = vsctm.INITIAL;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    if (lineRe.test(line)) {
      const col = find ? line.indexOf(find) : 0;
      assert.ok(col >= 0, `${find} not on line ${line}`);
      const tok = r.tokens.find((t) => t.startIndex <= col && col < t.endIndex);
      return tok.scopes.join(' ');
    }
  }
  throw new Error(`no line matches ${lineRe}`);
}

test('the grammar scopes header, banner, markings, TAGS and labels', async () => {
  const grammar = await loadGrammar();
  const text = fs.readFileSync(fixture, 'utf8');
  const cases = [
    [/^VZCZC/, 'VZCZC', 'keyword.control.transmission-id.cable'],
    [/^PP /, 'PP', 'keyword.other.prosign.precedence.cable'],
    [/^PP /, 'RUEHBJ', 'variable.other.constant.routing-indicator.cable'],
    [/^DE /, 'DE', 'keyword.other.prosign.de.cable'],
    [/^DE /, '#0417', 'constant.numeric.serial.cable'],
    [/^ZNY/, 'CCCCC', 'markup.changed.classification.confidential.cable'],
    [/^P \d/, '141522', 'constant.numeric.dtg'],
    [/^P \d/, 'MAR', 'constant.numeric.dtg.month.cable'],
    [/^FM /, 'FM', 'keyword.other.prosign.fm.cable'],
    [/^INFO /, 'INFO', 'keyword.other.prosign.addressee.cable'],
    [/^INFO /, 'RUEHBJ', 'variable.other.constant.routing-indicator.cable'],
    [/^TO /, 'PRIORITY', 'storage.modifier.precedence.cable'],
    [/^TO /, '5121', 'constant.numeric.mcn.cable'],
    [/^RUEHMO/, 'RUEHMO', 'variable.other.constant.routing-indicator.cable'],
    [/^C O N F/, 'C O N F', 'markup.changed.classification.confidential.cable'],
    [/^SIPDIS/, 'SIPDIS', 'support.constant.caption.cable'],
    [/^E\.O\./, 'E.O.', 'keyword.other.label.eo.cable'],
    [/^E\.O\./, 'DECL', 'keyword.other.label.decl.cable'],
    [/^E\.O\./, '03/14/2019', 'constant.numeric.date.cable'],
    [/^TAGS/, 'TAGS', 'keyword.other.label.tags.cable'],
    [/^TAGS/, 'PREL', 'constant.other.tag.cable'],
    [/^TAGS/, '](#)', 'invalid.illegal.markup.cable'],
    [/^SUBJECT/, 'SUBJECT', 'keyword.other.label.subject.cable'],
    [/^REF/, 'REF', 'keyword.other.label.ref.cable'],
    [/^Classified By/, 'Classified By', 'keyword.other.label.classified-by.cable'],
    [/^¶1\./, '¶1.', 'constant.numeric.paragraph-number.cable'],
    [/^¶1\./, '(C)', 'markup.changed.marking.confidential.cable'],
    [/^¶3\./, '(S)', 'markup.deleted.marking.secret.cable'],
    [/^¶1\./, 'Summary', 'keyword.other.section.cable'],
  ];
  const bad = [];
  for (const [re, find, want] of cases) {
    const got = scopesAt(grammar, text, re, find);
    if (!got.includes(want)) bad.push(`${re} ${find}: ${got} (want ${want})`);
  }
  assert.deepStrictEqual(bad, []);
});

test('banners of each level get distinct scopes', async () => {
  const grammar = await loadGrammar();
  const lines = {
    'UNCLAS SECTION 01 OF 02 STATE 100153': 'markup.inserted.classification.unclassified.cable',
    'C O N F I D E N T I A L TOKYO 001448': 'markup.changed.classification.confidential.cable',
    'S E C R E T SECTION 01 OF 02 BERN 000881': 'markup.deleted.classification.secret.cable',
    '1. (U) Text.': 'markup.inserted.marking.unclassified.cable',
    '2. (SBU) Text.': 'markup.inserted.marking.unclassified.cable',
    '3. (S//NF) Text.': 'markup.deleted.marking.secret.cable',
  };
  for (const [line, want] of Object.entries(lines)) {
    const m = line.match(/\(.*?\)/);
    const got = scopesAt(grammar, line, /.*/, m ? m[0] : null);
    assert.ok(got.includes(want), `${line}: ${got} (want ${want})`);
  }
});
