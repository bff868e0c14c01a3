-- What the Neovim end-to-end scenarios share (.ci/e2e/nvim/scenarios/*.lua and completion.lua): the
-- `PASS|FAIL <topic> <check>: <detail>` lines, waiting while Neovim's main loop runs, typed keys,
-- files, the attached cablelint client, accepting a completion, and ending Neovim with the result.
-- A scenario loads it from its own directory:
--   local e2e = dofile(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)) .. '/../lib.lua')
--   e2e.run('topic', function(t) ... t.check('name', ok, 'detail') ... end)
local M = {}

-- The coroutine of the running scenario (see M.run).
local co

--- The repository's root: the plugin directory (CABLELINT_NVIM_PLUGIN, set by nvim.sh) is editors/nvim.
M.root = vim.fs.normalize(assert(os.getenv('CABLELINT_NVIM_PLUGIN'), 'CABLELINT_NVIM_PLUGIN is not set') .. '/../..')

--- Waits until `pred()` returns true, at most `ms` milliseconds (default 5000); returns whether it did.
--- Inside a scenario run by M.run it yields to Neovim's main loop between tries, so that keys fed with
--- M.keys are typed meanwhile, as a user types them.
function M.wait(pred, ms)
  local deadline = vim.uv.now() + (ms or 5000)
  while not pred() do
    if vim.uv.now() > deadline then
      return false
    end
    if co ~= nil and coroutine.running() == co then
      vim.defer_fn(function()
        assert(coroutine.resume(co))
      end, 20)
      coroutine.yield()
    else
      vim.wait(20)
    end
  end
  return true
end

--- Lets Neovim's main loop run for `ms` milliseconds.
function M.pause(ms)
  M.wait(function()
    return false
  end, ms)
end

--- Feeds keys as typed (termcodes such as `<C-x>` replaced), not remapped.
function M.keys(k)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(k, true, false, true), 'n', false)
end

--- The text of a file, or an error naming it.
function M.read(path)
  local f = assert(io.open(path, 'rb'))
  local text = f:read('*a')
  f:close()
  return text
end

function M.write(path, text)
  local f = assert(io.open(path, 'wb'))
  f:write(text)
  f:close()
end

--- The text of a file of the repository (`tests/lsp_fixtures/oslo.cable`).
function M.fixture(rel)
  return M.read(M.root .. '/' .. rel)
end

--- A new empty directory.
function M.tempdir()
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, 'p')
  return dir
end

--- The lines of a buffer.
function M.lines(buf)
  return vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end

--- The number (1-based) of the first line of `buf` starting with `prefix`; an error when there is none.
function M.line_of(buf, prefix)
  for i, l in ipairs(M.lines(buf)) do
    if l:sub(1, #prefix) == prefix then
      return i
    end
  end
  error('no line starting ' .. prefix)
end

--- The cablelint client of `buf` once it is initialized (waiting up to 15 s), or nil.
function M.client(buf)
  local client
  M.wait(function()
    client = vim.lsp.get_clients({ name = 'cablelint', bufnr = buf })[1]
    return client ~= nil and client.initialized
  end, 15000)
  return client
end

--- Opens the completion menu with `open` (for example `a<C-x><C-o>`), picks the first item whose
--- label (`abbr`) is `label`, or matches the pattern `label_match`, with <C-n>, accepts it with <C-y>
--- and leaves insert mode with `finish` (default `<Esc>`). Returns the item's index (nil when no item
--- fits: the menu is then closed) and the labels shown.
function M.complete(open, label, label_match, finish)
  M.keys(open)
  local shown = M.wait(function()
    return vim.fn.pumvisible() == 1
  end, 5000)
  local items = shown and vim.fn.complete_info({ 'items' }).items or {}
  local labels, index = {}, nil
  for i, it in ipairs(items) do
    labels[#labels + 1] = it.abbr
    if not index and (it.abbr == label or (label_match ~= nil and it.abbr:match(label_match))) then
      index = i
    end
  end
  if index then
    M.keys(string.rep('<C-n>', index) .. '<C-y>' .. (finish or '<Esc>'))
  else
    M.keys('<C-e><Esc>')
  end
  return index, labels
end

--- Runs `body(t)` as the scenario `topic` in a coroutine (so that M.wait lets typed keys through),
--- then prints `OK|FAILED <topic>: <n> failed` and ends Neovim: `qall!` when every check passed,
--- `cquit 1` otherwise. `t.check(name, ok, detail)` prints one `PASS|FAIL <topic> <name>: <detail>`
--- line; `t.out(line)` prints a line; `t.failures` counts the failed checks. An error in the body is a
--- failed check.
function M.run(topic, body)
  local t = { failures = 0 }
  function t.out(s)
    io.stdout:write(s .. '\n')
  end
  function t.check(name, ok, detail)
    t.out(('%s %s %s: %s'):format(ok and 'PASS' or 'FAIL', topic, name, (tostring(detail or '')):gsub('%s+', ' ')))
    if not ok then
      t.failures = t.failures + 1
    end
    return ok
  end
  co = coroutine.create(function()
    local ok, err = xpcall(body, debug.traceback, t)
    if not ok then
      t.check('scenario', false, err)
    end
    t.out(('%s %s: %d failed'):format(t.failures == 0 and 'OK' or 'FAILED', topic, t.failures))
    vim.cmd(t.failures == 0 and 'qall!' or 'cquit 1')
  end)
  assert(coroutine.resume(co))
end

return M
