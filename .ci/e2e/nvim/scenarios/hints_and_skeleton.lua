-- Headless Neovim scenario: what the user sees of inlay hints and of the new-cable skeleton. Run by
-- .ci/e2e/nvim.sh after init_enable.lua.
-- 1. With `vim.lsp.inlay_hint.enable(true)`, the hints drawn in the buffer (the inline virtual text of
--    Neovim's inlay-hint namespace) decode the date-time group, the DE line and DECL.
-- 2. In an empty cable of a folder whose cablelint.toml has a [draft] table, completion (<C-x><C-o>)
--    offers "New cable"; accepting it (<C-y>) leaves the buffer holding exactly the skeleton that
--    `cablelint new` writes for the same minute, with its placeholders, and the first placeholder
--    selected (Neovim's snippet session, select mode).
-- Prints `PASS|FAIL hints <check>: <detail>` lines; exits 0 only if every check passed. The keys are
-- typed through the main loop (the scenario is a coroutine waiting on timers), as a user types them.
local e2e = dofile(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)) .. '/../lib.lua')

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

local function hints(t, dir)
  e2e.write(dir .. '/08OSLO217.cable', e2e.fixture('tests/lsp_fixtures/oslo.cable'))
  vim.cmd.edit(dir .. '/08OSLO217.cable')
  local buf = vim.api.nvim_get_current_buf()
  t.check('server attached to the cable', e2e.client(buf) ~= nil, '')
  vim.lsp.inlay_hint.enable(true, { bufnr = buf })
  local want = {
    { 'DE RUEHNY', 'Fri 14 Mar 2008 09:30 UTC' },
    { 'P 140930Z', 'Fri 14 Mar 2008 09:30 UTC' },
    { 'TO RUEHC', '5521st to this addressee' },
    { 'E.O. 12958', "10 years after the cable's date" },
  }
  local seen = {}
  e2e.wait(function()
    vim.cmd.redraw()
    seen = drawn_hints(buf)
    for _, w in ipairs(want) do
      if not (seen[e2e.line_of(buf, w[1])] or ''):find(w[2], 1, true) then
        return false
      end
    end
    return true
  end, 10000)
  for _, w in ipairs(want) do
    local lnum = e2e.line_of(buf, w[1])
    local shown = seen[lnum] or '(no hint)'
    t.check(('inlay hint on "%s"'):format(w[1]), shown:find(w[2], 1, true) ~= nil, ('line %d shows %q'):format(lnum, shown))
  end
end

local function skeleton(t, dir)
  e2e.write(dir .. '/cablelint.toml', '[draft]\npost = "AMEMBASSY OSLO"\nto = ["SECSTATE WASHDC"]\n')
  vim.cmd.edit(dir .. '/new.cable')
  local buf = vim.api.nvim_get_current_buf()
  t.check('server attached to the empty cable', e2e.client(buf) ~= nil, '')
  vim.o.completeopt = 'menuone,noselect'
  -- Accepted, and left in the snippet session (no <Esc>).
  local index, labels = e2e.complete('i<C-x><C-o>', 'New cable', nil, '')
  t.check('completion offers "New cable"', index ~= nil, ('%d items shown'):format(#labels))
  if not index then
    return
  end
  e2e.wait(function()
    return vim.snippet.active() or vim.api.nvim_get_mode().mode == 'n'
  end, 3000)
  e2e.pause(300)
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
  t.check('the inserted date-time group is now', near == true, ('line 5 is %q'):format(dtg))
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
  -- The buffer's lines are the skeleton's, with no empty line after its last (which 'eol' would write
  -- as a second newline).
  t.check('accepting "New cable" inserts the skeleton', want ~= '' and got .. '\n' == want, detail)
  t.check('the skeleton keeps its placeholders', got:find('[[', 1, true) ~= nil and got:find('${', 1, true) == nil, '')
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
  t.check(
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
  e2e.keys('<Esc>')
  -- Written as it is, the draft ends with exactly one newline, as `cablelint new` writes it, and
  -- `cablelint fmt --check` passes on it.
  vim.cmd('silent write')
  local path = vim.api.nvim_buf_get_name(buf)
  local saved = e2e.read(path)
  t.check('the saved draft ends with one newline', saved:sub(-1) == '\n' and saved:sub(-2) ~= '\n\n',
    ('ends %q'):format(saved:sub(-12)))
  local fmt = vim.fn.system({ 'cablelint', 'fmt', '--check', path })
  t.check('cablelint fmt --check passes on the saved draft', vim.v.shell_error == 0, fmt)
end

e2e.run('hints', function(t)
  local dir = e2e.tempdir()
  hints(t, dir)
  skeleton(t, dir)
end)
