-- Headless Neovim scenario: what the user sees of inlay hints and of the new-cable skeleton.
--   nvim --headless -u init_enable.lua -c "lua dofile('scenarios/hints_and_skeleton.lua')"
-- 1. With `vim.lsp.inlay_hint.enable(true)`, the hints drawn in the buffer (the inline virtual text of
--    Neovim's inlay-hint namespace) decode the date-time group, the DE line and DECL.
-- 2. In an empty cable of a folder whose cablelint.toml has a [draft] table, completion (<C-x><C-o>)
--    offers "New cable"; accepting it (<C-y>) leaves the buffer holding exactly the skeleton that
--    `cablelint new` writes for the same minute, with its placeholders, and the first placeholder
--    selected (Neovim's snippet session, select mode).
-- Prints `PASS|FAIL hints <check>: <detail>` lines; exits 0 only if every check passed. The keys are
-- typed through the main loop (a coroutine waits on timers), as a user types them.
local failures = 0

local function out(s)
  io.stdout:write(s .. '\n')
end

local function check(name, ok, detail)
  out(('%s hints %s: %s'):format(ok and 'PASS' or 'FAIL', name, (tostring(detail or '')):gsub('%s+', ' ')))
  if not ok then
    failures = failures + 1
  end
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

local function write_file(path, text)
  local f = assert(io.open(path, 'w'))
  f:write(text)
  f:close()
end

local function attached(buf)
  return wait_until(function()
    local c = vim.lsp.get_clients({ name = 'cablelint', bufnr = buf })[1]
    return c ~= nil and c.initialized
  end, 15000)
end

-- The inline virtual text drawn on each line (1-based) by Neovim's inlay-hint namespace.
local function drawn_hints(buf)
  local by_line = {}
  for name, ns in pairs(vim.api.nvim_get_namespaces()) do
    if name:find('inlayhint', 1, true) then
      for _, m in ipairs(vim.api.nvim_buf_get_extmarks(buf, ns, 0, -1, { details = true })) do
        local text = {}
        for _, chunk in ipairs(m[4].virt_text or {}) do
          text[#text + 1] = chunk[1]
        end
        local line = m[2] + 1
        by_line[line] = (by_line[line] or '') .. table.concat(text)
      end
    end
  end
  return by_line
end

local function line_of(buf, prefix)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if l:sub(1, #prefix) == prefix then
      return i
    end
  end
  error('no line starting ' .. prefix)
end

local function hints(dir)
  local plugin = assert(os.getenv('CABLELINT_NVIM_PLUGIN'))
  local f = assert(io.open(plugin .. '/../../tests/lsp_fixtures/oslo.cable'))
  local cable = f:read('*a')
  f:close()
  write_file(dir .. '/08OSLO217.cable', cable)
  vim.cmd.edit(dir .. '/08OSLO217.cable')
  local buf = vim.api.nvim_get_current_buf()
  check('server attached to the cable', attached(buf), '')
  vim.lsp.inlay_hint.enable(true, { bufnr = buf })
  local want = {
    { 'DE RUEHNY', 'Fri 14 Mar 2008 09:30 UTC' },
    { 'P 140930Z', 'Fri 14 Mar 2008 09:30 UTC' },
    { 'TO RUEHC', '5521st to this addressee' },
    { 'E.O. 12958', "10 years after the cable's date" },
  }
  local seen = {}
  wait_until(function()
    vim.cmd.redraw()
    seen = drawn_hints(buf)
    for _, w in ipairs(want) do
      if not (seen[line_of(buf, w[1])] or ''):find(w[2], 1, true) then
        return false
      end
    end
    return true
  end, 10000)
  for _, w in ipairs(want) do
    local lnum = line_of(buf, w[1])
    local shown = seen[lnum] or '(no hint)'
    check(('inlay hint on "%s"'):format(w[1]), shown:find(w[2], 1, true) ~= nil, ('line %d shows %q'):format(lnum, shown))
  end
end

local function skeleton(dir)
  write_file(dir .. '/cablelint.toml', '[draft]\npost = "AMEMBASSY OSLO"\nto = ["SECSTATE WASHDC"]\n')
  vim.cmd.edit(dir .. '/new.cable')
  local buf = vim.api.nvim_get_current_buf()
  check('server attached to the empty cable', attached(buf), '')
  vim.o.completeopt = 'menuone,noselect'
  keys('i<C-x><C-o>')
  local shown = wait_until(function()
    return vim.fn.pumvisible() == 1
  end, 5000)
  local items = shown and vim.fn.complete_info({ 'items' }).items or {}
  local index
  for i, it in ipairs(items) do
    if it.abbr == 'New cable' then
      index = i
      break
    end
  end
  check('completion offers "New cable"', index ~= nil, ('%d items shown'):format(#items))
  if not index then
    keys('<C-e><Esc>')
    return
  end
  keys(string.rep('<C-n>', index) .. '<C-y>')
  wait_until(function()
    return vim.snippet.active() or vim.api.nvim_get_mode().mode == 'n'
  end, 3000)
  wait_until(function()
    return false
  end, 300)
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local got = table.concat(lines, '\n')
  -- The skeleton `cablelint new` writes in the same folder for the minute of the inserted DTG (line 5,
  -- `R 301234Z NOV 26`), which must be the current minute.
  local dtg = lines[5] or ''
  local day, hour, minute, mon, yy = dtg:match('^%u+ (%d%d)(%d%d)(%d%d)Z (%u%u%u) (%d%d)$')
  local months = { JAN = 1, FEB = 2, MAR = 3, APR = 4, MAY = 5, JUN = 6, JUL = 7, AUG = 8, SEP = 9, OCT = 10, NOV = 11, DEC = 12 }
  local when = day and ('20%s-%02d-%sT%s:%s'):format(yy, months[mon] or 0, day, hour, minute)
  local now = os.time(os.date('!*t'))
  local near = day
    and math.abs(os.time({ year = 2000 + tonumber(yy), month = months[mon], day = tonumber(day), hour = tonumber(hour), min = tonumber(minute) }) - now) <= 180
  check('the inserted date-time group is now', near == true, ('line 5 is %q'):format(dtg))
  local want = when and vim.fn.system({ 'sh', '-c', 'cd "$1" && cablelint new --date "$2"', 'sh', dir, when }) or ''
  local detail = 'buffer is the skeleton'
  if got .. '\n' ~= want and got ~= want then
    local w = vim.split(want, '\n')
    for i = 1, math.max(#lines, #w) do
      if lines[i] ~= w[i] then
        detail = ('line %d is %q, expected %q'):format(i, lines[i] or '(none)', w[i] or '(none)')
        break
      end
    end
  end
  check('accepting "New cable" inserts the skeleton', want ~= '' and (got .. '\n' == want or got == want), detail)
  check('the skeleton keeps its placeholders', got:find('[[', 1, true) ~= nil and got:find('${', 1, true) == nil, '')
  -- The first placeholder is selected: select mode over the first `[[...]]` of the text.
  local first_line, first_s, first_e
  for i, l in ipairs(lines) do
    local s, e = l:find('%[%[[^%]]*%]%]')
    if s then
      first_line, first_s, first_e = i, s, e
      break
    end
  end
  local mode = vim.api.nvim_get_mode().mode
  local v, cur = vim.fn.getpos('v'), vim.fn.getpos('.')
  local sel_line = v[2] == cur[2] and v[2] or -1
  local a, b = math.min(v[3], cur[3]), math.max(v[3], cur[3])
  local selected = sel_line > 0 and (lines[sel_line] or ''):sub(a, b) or ''
  check(
    'the first placeholder is selected',
    mode == 's' and sel_line == first_line and a == first_s and b == first_e,
    ('mode %s, selection %q on line %d; first placeholder %q on line %s'):format(
      mode,
      selected,
      sel_line,
      first_line and lines[first_line]:sub(first_s, first_e) or '(none)',
      tostring(first_line)
    )
  )
  keys('<Esc>')
end

co = coroutine.create(function()
  local ok, err = xpcall(function()
    local dir = vim.fn.tempname()
    vim.fn.mkdir(dir, 'p')
    hints(dir)
    skeleton(dir)
  end, debug.traceback)
  if not ok then
    check('scenario', false, err)
  end
  out(('%s hints: %d failed'):format(failures == 0 and 'OK' or 'FAILED', failures))
  vim.cmd(failures == 0 and 'qall!' or 'cquit 1')
end)
assert(coroutine.resume(co))
