-- Headless Neovim scenario: configuration and the server's life, as a user meets them. Run by
-- .ci/e2e/nvim.sh after init_enable.lua (the plugin on the runtimepath, `vim.lsp.enable('cablelint')`).
-- 1. With a `cmd` that does not exist, opening a cable shows an error saying so.
-- 2. A changed cablelint.toml applies when the buffer is written (Neovim watches no files on Linux).
-- 3. :CablelintRestart brings the server back after it crashed.
-- Prints `PASS|FAIL config <check>: <detail>` lines; exits 0 only if every check passed.
local e2e = dofile(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)) .. '/../lib.lua')
local get_clients = vim.lsp.get_clients

-- What vim.notify showed the user.
local shown = {}
local notify = vim.notify
vim.notify = function(msg, level, opts)
  shown[#shown + 1] = { msg = msg, level = level }
  -- Headless, an error message from a command becomes an exception: shown here, not raised.
  pcall(notify, msg, level, opts)
end

local function codes(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    list[#list + 1] = tostring(d.code)
  end
  return list
end

local function has_code(buf, code)
  return vim.tbl_contains(codes(buf), code)
end

e2e.run('config', function(t)
  local cable = e2e.fixture('tests/lsp_fixtures/oslo.cable'):gsub('¶2%. %(C%) The deputy', '¶2. (S) The deputy')
  local dir = e2e.tempdir()

  -- 1. The program is missing.
  vim.lsp.config('cablelint', { cmd = { dir .. '/no-such/cablelint', 'lsp' } })
  e2e.write(dir .. '/missing.cable', cable)
  vim.cmd.edit(dir .. '/missing.cable')
  e2e.wait(function()
    return #shown > 0
  end, 2000)
  local said = shown[1] and shown[1].msg or '(nothing shown)'
  t.check(
    'a missing binary is said',
    said:find('not an executable', 1, true) ~= nil and said:find('no-such/cablelint', 1, true) ~= nil
      and shown[1].level == vim.log.levels.ERROR,
    said
  )
  vim.cmd('bwipeout!')
  vim.lsp.config('cablelint', { cmd = { 'cablelint', 'lsp' } })

  -- 2. cablelint.toml changes while the cable is open.
  e2e.write(dir .. '/cablelint.toml', 'ignore = []\n')
  e2e.write(dir .. '/oslo.cable', cable)
  vim.cmd.edit(dir .. '/oslo.cable')
  local buf = vim.api.nvim_get_current_buf()
  local before = e2e.wait(function()
    return has_code(buf, 'CBL207')
  end, 15000)
  t.check('CBL207 shown', before, table.concat(codes(buf), ','))
  e2e.write(dir .. '/cablelint.toml', 'ignore = ["CBL207"]\n')
  -- A modification time unlike the first file's, whatever the file system's resolution.
  local future = os.time() + 5
  vim.uv.fs_utime(dir .. '/cablelint.toml', future, future)
  vim.cmd('silent write')
  local gone = e2e.wait(function()
    return not has_code(buf, 'CBL207')
  end, 10000)
  t.check('a changed cablelint.toml applies on :write', gone, table.concat(codes(buf), ','))

  -- 3. The server crashes, then :CablelintRestart (with CBL207 reported again, so that diagnostics show).
  e2e.write(dir .. '/cablelint.toml', 'ignore = []\n')
  vim.uv.fs_utime(dir .. '/cablelint.toml', future + 5, future + 5)
  vim.cmd('silent write')
  t.check('CBL207 back', e2e.wait(function()
    return has_code(buf, 'CBL207')
  end, 10000), table.concat(codes(buf), ','))
  local client = get_clients({ name = 'cablelint', bufnr = buf })[1]
  local killed = 0
  for _, pid in ipairs(vim.api.nvim_get_proc_children(vim.fn.getpid())) do
    local proc = vim.api.nvim_get_proc(pid)
    if proc and proc.name and proc.name:find('cablelint') then
      vim.uv.kill(pid, 'sigkill')
      killed = killed + 1
    end
  end
  local stopped = e2e.wait(function()
    return #get_clients({ name = 'cablelint' }) == 0
  end, 10000)
  t.check('the server crashed', client ~= nil and killed == 1 and stopped, ('killed %d; clients %d'):format(killed, #get_clients({ name = 'cablelint' })))
  vim.cmd('CablelintRestart')
  local back = e2e.wait(function()
    return #get_clients({ name = 'cablelint', bufnr = buf }) == 1 and has_code(buf, 'CBL207')
  end, 15000)
  t.check(
    ':CablelintRestart after a crash',
    back,
    ('clients %d; diagnostics %s'):format(#get_clients({ name = 'cablelint', bufnr = buf }), table.concat(codes(buf), ','))
  )
end)
