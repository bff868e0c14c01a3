-- Headless Neovim scenario: folds from the server (vim.lsp.foldexpr), as a user closes them. Run by
-- .ci/e2e/nvim.sh after init_enable.lua.
-- 1. Closing the fold of a paragraph leaves the heading after it in view.
-- 2. The TO block and the INFO block close each on its own.
-- Prints `PASS|FAIL folding <check>: <detail>` lines; exits 0 only if every check passed.
local e2e = dofile(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)) .. '/../lib.lua')

e2e.run('folding', function(t)
  local cable = e2e.fixture('tests/lsp_fixtures/oslo.cable')
  -- Two TO lines, and an undecorated heading after paragraph 3.
  cable = cable:gsub('(TO RUEHC/SECSTATE WASHDC PRIORITY 5521\n)', '%1RUEHRK/AMEMBASSY REYKJAVIK PRIORITY 0100\n')
  cable = cable:gsub('(journals%.\n)', '%1\nNEXT STEPS\n')
  local path = e2e.tempdir() .. '/folds.cable'
  e2e.write(path, cable)
  vim.cmd.edit(path)
  local buf = vim.api.nvim_get_current_buf()
  t.check('server attached', e2e.client(buf) ~= nil, '')
  vim.wo.foldmethod = 'expr'
  vim.wo.foldexpr = 'v:lua.vim.lsp.foldexpr()'
  vim.wo.foldlevel = 99
  -- Folds come from the server after the first request; wait until the paragraph has one.
  local p3 = e2e.line_of(buf, '¶3.')
  local has = e2e.wait(function()
    vim.cmd('normal! zx')
    return vim.fn.foldlevel(p3) > 0
  end, 10000)
  t.check('folds from the server', has, ('foldlevel of paragraph 3: %d'):format(vim.fn.foldlevel(p3)))

  local function close_at(lnum)
    vim.cmd('normal! zR')
    vim.api.nvim_win_set_cursor(0, { lnum, 0 })
    vim.cmd('normal! zc')
    return vim.fn.foldclosed(lnum), vim.fn.foldclosedend(lnum)
  end

  local heading = e2e.line_of(buf, 'NEXT STEPS')
  local s, e = close_at(p3)
  t.check(
    'a closed paragraph leaves the heading after it in view',
    s == p3 and e >= p3 + 1 and e < heading and vim.fn.foldclosed(heading) == -1,
    ('paragraph fold %d-%d; heading on line %d is %s'):format(s, e, heading, vim.fn.foldclosed(heading) == -1 and 'shown' or 'hidden')
  )

  local to, info = e2e.line_of(buf, 'TO '), e2e.line_of(buf, 'INFO ')
  s, e = close_at(to)
  local to_ok = s == to and e == to + 1 and vim.fn.foldclosed(info) == -1
  local s2, e2 = close_at(info)
  t.check(
    'the TO and INFO blocks fold separately',
    to_ok and s2 == info and e2 == info + 2 and vim.fn.foldclosed(to) == -1,
    ('TO fold %d-%d (TO on %d); INFO fold %d-%d (INFO on %d)'):format(s, e, to, s2, e2, info)
  )
end)
