-- Headless Neovim scenario: folds from the server (vim.lsp.foldexpr), as a user closes them.
--   nvim --headless -u init_enable.lua -c 'luafile scenarios/folding.lua' -c 'cquit 3'
-- 1. Closing the fold of a paragraph leaves the heading after it in view.
-- 2. The TO block and the INFO block close each on its own.
-- Prints `PASS|FAIL folding <check>: <detail>` lines; exits 0 only if every check passed.
local failures = 0

local function out(s)
  io.stdout:write(s .. '\n')
end

local function check(name, ok, detail)
  out(('%s folding %s: %s'):format(ok and 'PASS' or 'FAIL', name, (tostring(detail or '')):gsub('%s+', ' ')))
  if not ok then
    failures = failures + 1
  end
end

local ok_all, err_all = xpcall(function()
  local plugin = assert(os.getenv('CABLELINT_NVIM_PLUGIN'))
  local f = assert(io.open(plugin .. '/../../tests/lsp_fixtures/oslo.cable'))
  local cable = f:read('*a')
  f:close()
  -- Two TO lines, and an undecorated heading after paragraph 3.
  cable = cable:gsub('(TO RUEHC/SECSTATE WASHDC PRIORITY 5521\n)', '%1RUEHRK/AMEMBASSY REYKJAVIK PRIORITY 0100\n')
  cable = cable:gsub('(journals%.\n)', '%1\nNEXT STEPS\n')
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, 'p')
  local path = dir .. '/folds.cable'
  local w = assert(io.open(path, 'w'))
  w:write(cable)
  w:close()
  vim.cmd.edit(path)
  local buf = vim.api.nvim_get_current_buf()
  local attached = vim.wait(15000, function()
    return #vim.lsp.get_clients({ name = 'cablelint', bufnr = buf }) == 1 and #vim.diagnostic.get(buf) >= 0
      and vim.lsp.get_clients({ name = 'cablelint', bufnr = buf })[1].initialized
  end, 50)
  check('server attached', attached, '')
  vim.wo.foldmethod = 'expr'
  vim.wo.foldexpr = 'v:lua.vim.lsp.foldexpr()'
  vim.wo.foldlevel = 99
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local function line_of(prefix)
    for i, l in ipairs(lines) do
      if l:sub(1, #prefix) == prefix then
        return i
      end
    end
    error('no line starting ' .. prefix)
  end
  -- Folds come from the server after the first request; wait until the paragraph has one.
  local p3 = line_of('¶3.')
  local has = vim.wait(10000, function()
    vim.cmd('normal! zx')
    return vim.fn.foldlevel(p3) > 0
  end, 100)
  check('folds from the server', has, ('foldlevel of paragraph 3: %d'):format(vim.fn.foldlevel(p3)))

  local function close_at(lnum)
    vim.cmd('normal! zR')
    vim.api.nvim_win_set_cursor(0, { lnum, 0 })
    vim.cmd('normal! zc')
    return vim.fn.foldclosed(lnum), vim.fn.foldclosedend(lnum)
  end

  local heading = line_of('NEXT STEPS')
  local s, e = close_at(p3)
  check(
    'a closed paragraph leaves the heading after it in view',
    s == p3 and e >= p3 + 1 and e < heading and vim.fn.foldclosed(heading) == -1,
    ('paragraph fold %d-%d; heading on line %d is %s'):format(s, e, heading, vim.fn.foldclosed(heading) == -1 and 'shown' or 'hidden')
  )

  local to, info = line_of('TO '), line_of('INFO ')
  s, e = close_at(to)
  local to_ok = s == to and e == to + 1 and vim.fn.foldclosed(info) == -1
  local s2, e2 = close_at(info)
  check(
    'the TO and INFO blocks fold separately',
    to_ok and s2 == info and e2 == info + 2 and vim.fn.foldclosed(to) == -1,
    ('TO fold %d-%d (TO on %d); INFO fold %d-%d (INFO on %d)'):format(s, e, to, s2, e2, info)
  )
end, debug.traceback)

if not ok_all then
  check('scenario', false, err_all)
end
out(('%s folding: %d failed'):format(failures == 0 and 'OK' or 'FAILED', failures))
vim.cmd(failures == 0 and 'qall!' or 'cquit 1')
