#!/usr/bin/env bash
# The `azure` output format read by a real consumer: the parser of Azure Pipelines logging commands
# in `azure-pipelines-task-lib` (npm), `commandFromString`. Every line cablelint prints must parse
# into a `task.logissue` command whose properties and message equal what the `json-lines` format
# says of the same finding, also for a path holding the characters the format escapes (`;`, `]`, `%`).
# Usage: .ci/azure-consumer.sh path/to/cablelint
set -euo pipefail
bin="$(realpath "${1:-target/release/cablelint}")"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm install --silent --no-audit --no-fund --prefix "$work/npm" azure-pipelines-task-lib@5 >/dev/null
mkdir -p "cables"
cp "$root/tests/fixtures/cli/oslo-markup.cable" "cables/odd;name]100%.cable"
sed 's/ZNY CCCCC ZZH/ZNY SSSSS ZZH/' "$root/tests/fixtures/cli/oslo-markup.cable" > cables/oslo.cable
"$bin" check cables --output-format azure > azure.txt || [ $? -eq 1 ]
"$bin" check cables --output-format json-lines > lines.jsonl || [ $? -eq 1 ]
NODE_PATH="$work/npm/node_modules" node - azure.txt lines.jsonl <<'JS'
const fs = require('fs');
const { commandFromString } = require('azure-pipelines-task-lib/taskcommand');
const [azureFile, linesFile] = process.argv.slice(2);
const azure = fs.readFileSync(azureFile, 'utf8').split('\n').filter(Boolean);
const expected = fs.readFileSync(linesFile, 'utf8').split('\n').filter(Boolean).map(JSON.parse);
if (azure.length !== expected.length || azure.length === 0) {
  throw new Error(`${azure.length} commands for ${expected.length} findings`);
}
azure.forEach((line, i) => {
  const cmd = commandFromString(line);
  const want = expected[i];
  const type = want.severity === 'error' ? 'error' : 'warning';
  const got = [cmd.command, cmd.properties.type, cmd.properties.sourcepath,
    Number(cmd.properties.linenumber), Number(cmd.properties.columnnumber), cmd.properties.code, cmd.message];
  const wanted = ['task.logissue', type, want.path, want.range.start.line, want.range.start.column, want.code, want.message];
  if (JSON.stringify(got) !== JSON.stringify(wanted)) {
    throw new Error(`line ${i + 1}: ${JSON.stringify(got)} != ${JSON.stringify(wanted)}\n${line}`);
  }
});
console.log(`azure: ${azure.length} logging commands parsed by azure-pipelines-task-lib, all as expected`);
JS
