-- Headless Neovim scenario: `gq` without the language server (editors/nvim/ftplugin/cable.lua sets
-- 'textwidth' to 69). Run by .ci/e2e/nvim.sh after init_enable.lua, with the server disabled first.
-- A paragraph typed as one long line is laid out by `gqap`; the whole buffer must then be the
-- expected text, which is what `cablelint fmt` ($CABLELINT_BIN) writes for the same draft.
-- Prints `PASS|FAIL gq <check>: <detail>` lines; exits 0 only if every check passed.
local e2e = dofile(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)) .. '/../lib.lua')

e2e.run('gq', function(t)
  vim.lsp.enable('cablelint', false)
  local head = 'UNCLAS OSLO 000001\n\nE.O. 13526: N/A\nTAGS: PREL NO\nSUBJECT: TEST\n\n'
  local long = '1. (U) The State Secretary told the Ambassador on December 1 that Norway would support '
    .. 'the statement on search and rescue, and she asked for U.S. support before the ministerial in May.'
  local draft = head .. long .. '\n\nDOE\n'
  local expected = head
    .. '1. (U) The State Secretary told the Ambassador on December 1 that\n'
    .. 'Norway would support the statement on search and rescue, and she\n'
    .. 'asked for U.S. support before the ministerial in May.\n\nDOE\n'
  local path = e2e.tempdir() .. '/gq.cable'
  e2e.write(path, draft)
  vim.cmd.edit(path)
  local buf = vim.api.nvim_get_current_buf()
  e2e.pause(300)
  t.check('no server attached', #vim.lsp.get_clients({ bufnr = buf }) == 0, '')
  t.check('textwidth of a cable buffer', vim.bo.textwidth == 69, ('textwidth=%d'):format(vim.bo.textwidth))
  vim.api.nvim_win_set_cursor(0, { e2e.line_of(buf, '1. (U)'), 0 })
  vim.cmd('normal! gqap')
  local text = table.concat(e2e.lines(buf), '\n') .. '\n'
  t.check('gqap lays the paragraph out at 69 columns', text == expected, text)
  local bin = os.getenv('CABLELINT_BIN')
  if bin then
    local fmt = vim.system({ bin, 'fmt', '--isolated', '-' }, { stdin = draft }):wait()
    t.check('as cablelint fmt lays it out', fmt.stdout == expected, fmt.stdout .. fmt.stderr)
  else
    io.stdout:write('SKIP gq as cablelint fmt lays it out: CABLELINT_BIN is not set\n')
  end
end)
