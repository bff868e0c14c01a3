-- Headless Neovim: the BUFFER TEXT after accepting a completion with the built-in omnifunc
-- (`<C-x><C-o>`, an item chosen with `<C-n>`, accepted with `<C-y>`). Run by .ci/e2e/nvim.sh after
-- init_enable.lua: nvim --headless -u init_enable.lua -c 'luafile completion.lua'
-- Environment: CASE_FILE (a scratch copy of 09OSLO417.cable). Prints `PASS|FAIL completion <name>`
-- lines and exits 0 only if every scenario passed. The keys are typed through the main loop (a
-- coroutine waits on timers), as a user types them.
local file = assert(os.getenv('CASE_FILE'), 'CASE_FILE is not set')
local failures = 0

local function out(s)
  io.stdout:write(s .. '\n')
end

local function finish()
  vim.cmd(failures == 0 and 'qall!' or 'cquit 1')
end

local co
local function wait_until(pred, ms)
  local deadline = vim.uv.now() + (ms or 5000)
  while not pred() do
    if vim.uv.now() > deadline then
      return false
    end
    vim.defer_fn(function()
      assert(coroutine.resume(co))
    end, 20)
    coroutine.yield()
  end
  return true
end

local function keys(k)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(k, true, false, true), 'n', false)
end

-- Each scenario: the line to write at `line` (nil: insert a new line after `line`), where the cursor
-- goes (right after the first `at`), the item to accept (its label) and the whole line expected after.
local scenarios = {
  {
    name = 'tag completed mid-word (PR|EL)',
    find = '^TAGS:',
    text = 'TAGS: PGOV PREL NO',
    at = 'TAGS: PGOV PR',
    label = 'PREF',
    expect = 'TAGS: PGOV PREF NO',
  },
  {
    name = 'addressee by city',
    find = '^INFO ',
    new_line = 'TOKYO',
    at = 'TOKYO',
    label = 'RUEHKO/AMEMBASSY TOKYO',
    expect = 'RUEHKO/AMEMBASSY TOKYO',
  },
  {
    name = 'banner while typing CONF',
    find = '^C O N F I D E N T I A L',
    text = 'CONF',
    at = 'CONF',
    label = 'C O N F I D E N T I A L',
    expect = 'C O N F I D E N T I A L OSLO 000417',
  },
  {
    name = 'date-time group',
    find = '^P %d',
    text = 'P ',
    at = 'P ',
    label_match = '^%d%d%d%d%d%dZ %u%u%u %d%d$',
    expect_match = '^P %d%d%d%d%d%dZ %u%u%u %d%d$',
  },
  {
    name = 'reason list',
    find = '^Classified By',
    text = 'Classified By: Ambassador Jane Example. Reasons 1.4 (b)',
    at = 'Reasons 1',
    label = '1.4 (b) and (d)',
    expect = 'Classified By: Ambassador Jane Example. Reasons 1.4 (b) and (d)',
  },
  -- Issue 15 items 1, 2 and 7: header lines, a tag by country name, a reason letter.
  {
    name = 'DE line',
    find = '^DE ',
    text = 'D',
    at = 'D',
    label = 'DE RUEHNY #0417 0731522',
    expect = 'DE RUEHNY #0417 0731522',
  },
  {
    name = 'FL2 prosign and routing indicators',
    find = '^PP ',
    text = 'P',
    at = 'P',
    label = 'PP RUEHC RUEHBJ RUEHMO RUEHSM',
    expect = 'PP RUEHC RUEHBJ RUEHMO RUEHSM',
  },
  {
    name = 'tag by country name',
    find = '^TAGS:',
    text = 'TAGS: PGOV JAP',
    at = 'TAGS: PGOV JAP',
    label = 'JA',
    expect = 'TAGS: PGOV JA',
  },
  {
    name = 'reason letter after (d',
    find = '^Classified By',
    text = 'Classified By: Ambassador Jane Example. Reasons 1.4 (b) and (d',
    at = 'and (d',
    label = '(d)',
    expect = 'Classified By: Ambassador Jane Example. Reasons 1.4 (b) and (d)',
  },
}

local function run()
  vim.o.completeopt = 'menuone,noselect'
  vim.cmd.edit(vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local original = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local get = vim.lsp.get_clients
  if not wait_until(function()
    return get({ bufnr = buf, name = 'cablelint' })[1] ~= nil
  end, 15000) then
    out('FAIL completion: no cablelint client within 15 s')
    failures = failures + 1
    return
  end
  for _, s in ipairs(scenarios) do
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, original)
    local lnum
    for i, l in ipairs(original) do
      if l:match(s.find) then
        lnum = i
        break
      end
    end
    assert(lnum, 'no line matching ' .. s.find)
    if s.new_line then
      vim.api.nvim_buf_set_lines(buf, lnum, lnum, false, { s.new_line })
      lnum = lnum + 1
    else
      vim.api.nvim_buf_set_lines(buf, lnum - 1, lnum, false, { s.text })
    end
    local line = vim.api.nvim_buf_get_lines(buf, lnum - 1, lnum, false)[1]
    local col = line:find(s.at, 1, true) + #s.at - 1
    -- `i` on the character at `col` (0-based) inserts there; at the end of the line, `a` after the last.
    if col >= #line then
      vim.api.nvim_win_set_cursor(0, { lnum, #line - 1 })
      keys('a<C-x><C-o>')
    else
      vim.api.nvim_win_set_cursor(0, { lnum, col })
      keys('i<C-x><C-o>')
    end
    local shown = wait_until(function()
      return vim.fn.pumvisible() == 1
    end, 5000)
    local items = shown and vim.fn.complete_info({ 'items' }).items or {}
    local index
    for i, it in ipairs(items) do
      if it.abbr == s.label or (s.label_match and it.abbr:match(s.label_match)) then
        index = i
        break
      end
    end
    if index then
      keys(string.rep('<C-n>', index) .. '<C-y><Esc>')
    else
      keys('<C-e><Esc>')
    end
    wait_until(function()
      return vim.api.nvim_get_mode().mode == 'n'
    end, 3000)
    wait_until(function()
      return false
    end, 200)
    local got = vim.api.nvim_buf_get_lines(buf, lnum - 1, lnum, false)[1]
    local ok = index ~= nil and (got == s.expect or (s.expect_match ~= nil and got:match(s.expect_match) ~= nil))
    if not ok then
      failures = failures + 1
    end
    out(
      ('%s completion %s: line %d is %q%s'):format(
        ok and 'PASS' or 'FAIL',
        s.name,
        lnum,
        got,
        index and '' or (' (no item ' .. (s.label or s.label_match) .. ' among ' .. #items .. ' shown)')
      )
    )
    vim.cmd('stopinsert')
  end
end

co = coroutine.create(function()
  local ok, err = xpcall(run, debug.traceback)
  if not ok then
    out('FAIL completion: error: ' .. tostring(err))
    failures = failures + 1
  end
  finish()
end)
assert(coroutine.resume(co))
