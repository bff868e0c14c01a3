-- Headless Neovim scenario: quick fixes chosen by title, and fix-all, as a user applies them. Run by
-- .ci/e2e/nvim.sh after init_enable.lua.
-- 1. For each fix of editors/test-fixtures/fixes.json, on a pristine copy of fixes.cable: the cursor on
--    the diagnostic, vim.lsp.buf.code_action() (what `gra` runs) with the action of that title chosen;
--    the whole buffer must then be the cable with the expected lines, and nothing else changed.
-- 2. Fix-all, with :CablelintFixAll and with vim.lsp.buf.code_action() asked for `source.fixAll`: the
--    buffer must be exactly the text `cablelint check --fix` writes for a copy of the cable.
-- Prints `PASS|FAIL fixes <check>: <detail>` lines; exits 0 only if every check passed.
local e2e = dofile(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)) .. '/../lib.lua')

--- The first difference between two lists of lines, as a sentence; nil when they are equal.
local function first_difference(got, want)
  for i = 1, math.max(#got, #want) do
    if got[i] ~= want[i] then
      return ('line %d is %q, expected %q'):format(i, got[i] or '(none)', want[i] or '(none)')
    end
  end
end

e2e.run('fixes', function(t)
  local spec = vim.json.decode(e2e.fixture('editors/test-fixtures/fixes.json'))
  local cable = e2e.fixture('editors/test-fixtures/' .. spec.cable)
  local original = vim.split(cable:gsub('\n$', ''), '\n', { plain = true })
  local path = e2e.tempdir() .. '/' .. spec.cable
  e2e.write(path, cable)
  vim.cmd.edit(path)
  local buf = vim.api.nvim_get_current_buf()
  if not t.check('server attached', e2e.client(buf) ~= nil, '') then
    return
  end

  -- How many times the buffer's diagnostics were replaced.
  local published = 0
  vim.api.nvim_create_autocmd('DiagnosticChanged', {
    buffer = buf,
    callback = function()
      published = published + 1
    end,
  })

  -- Puts the cable back as written and waits for its diagnostics (those of the edited text are stale).
  local function pristine(code, line)
    local since = published
    if not vim.deep_equal(e2e.lines(buf), original) then
      vim.api.nvim_buf_set_lines(buf, 0, -1, false, original)
    else
      since = -1
    end
    return e2e.wait(function()
      if published <= since then
        return false
      end
      for _, d in ipairs(vim.diagnostic.get(buf, { lnum = line - 1 })) do
        if tostring(d.code) == code then
          return true
        end
      end
      return false
    end, 10000)
  end

  for _, fix in ipairs(spec.fixes) do
    local ok, err = pcall(function()
      assert(pristine(fix.code, fix.line), ('no %s diagnostic on line %d'):format(fix.code, fix.line))
      local col = 0
      for _, d in ipairs(vim.diagnostic.get(buf, { lnum = fix.line - 1 })) do
        local text = original[fix.line]
        if tostring(d.code) == fix.code and (not fix.at or text:find(fix.at, 1, true) == d.col + 1) then
          col = d.col
          break
        end
      end
      vim.api.nvim_win_set_cursor(0, { fix.line, col })
      -- The titles offered, as the selection menu would list them; the action of the wanted title applied.
      local offered = {}
      vim.lsp.buf.code_action({
        filter = function(a)
          offered[#offered + 1] = a.title
          return a.title == fix.title
        end,
        apply = true,
      })
      local want = vim.deepcopy(original)
      for l, text in pairs(fix.expect) do
        want[tonumber(l)] = text
      end
      e2e.wait(function()
        return not vim.deep_equal(e2e.lines(buf), original)
      end, 5000)
      e2e.wait(function()
        return vim.deep_equal(e2e.lines(buf), want)
      end, 2000)
      t.out('  CODE ACTIONS ' .. table.concat(offered, ' | '))
      local diff = first_difference(e2e.lines(buf), want)
      t.check(fix.name, diff == nil, diff or ('applied %q'):format(fix.title))
      if fix.only_one then
        local n = 0
        for _, title in ipairs(offered) do
          n = n + (title:sub(1, #fix.only_one) == fix.only_one and 1 or 0)
        end
        t.check(('one "%s" action'):format(fix.only_one), n == 1, ('%d offered'):format(n))
      end
    end)
    if not ok then
      t.check(fix.name, false, 'error: ' .. tostring(err))
    end
  end

  -- What `cablelint check --fix` writes for a copy of the cable.
  local copy = e2e.tempdir() .. '/' .. spec.cable
  e2e.write(copy, cable)
  vim.fn.system({ 'cablelint', 'check', '--fix', copy })
  local cli = vim.split(e2e.read(copy):gsub('\n$', ''), '\n', { plain = true })
  t.check('cablelint check --fix changes the cable', not vim.deep_equal(cli, original), 'so that the comparisons can fail')
  local ways = {
    { ':CablelintFixAll', function()
      vim.cmd('CablelintFixAll')
    end },
    { 'code action source.fixAll', function()
      vim.lsp.buf.code_action({ context = { only = { 'source.fixAll' } }, apply = true })
    end },
  }
  for _, way in ipairs(ways) do
    assert(pristine('CBL302', 15), 'no CBL302 diagnostic to fix')
    vim.api.nvim_win_set_cursor(0, { 1, 0 })
    way[2]()
    -- The edit arrives asynchronously: first any change, then the text settles.
    e2e.wait(function()
      return not vim.deep_equal(e2e.lines(buf), original)
    end, 5000)
    e2e.wait(function()
      return vim.deep_equal(e2e.lines(buf), cli)
    end, 2000)
    local diff = first_difference(e2e.lines(buf), cli)
    t.check(way[1] .. ' gives the text of cablelint check --fix', diff == nil, diff or '')
  end
end)
