-- Headless Neovim scenario: two cables in a plain folder (no cablelint.toml, no .git above it). Run by
-- .ci/e2e/nvim.sh after init_enable.lua.
-- The plugin's root_markers find nothing there, so the client's root is the file's own folder (as
-- nvim-lspconfig's configurations fall back to it): the server gets that folder as its workspace
-- folder, workspace symbols find the other cable of the folder, and go-to-definition on `REF: A. OSLO 198`
-- opens it.
-- Prints `PASS|FAIL plain-folder <check>: <detail>` lines; exits 0 only if every check passed.
local e2e = dofile(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)) .. '/../lib.lua')

e2e.run('plain-folder', function(t)
  local dir = vim.fs.normalize(e2e.tempdir())
  local above = vim.fs.find({ 'cablelint.toml', '.git' }, { upward = true, path = dir })
  t.check('no root marker above the folder', #above == 0, table.concat(above, ', '))
  local cable = e2e.fixture('tests/lsp_fixtures/oslo.cable')
  -- The cable that the first one cites as `REF: A. OSLO 198`.
  local cited = cable:gsub('#0217/01', '#0198/01'):gsub('OSLO 000217', 'OSLO 000198'):gsub('REF: A%. OSLO 198 B%. ', 'REF: ')
  e2e.write(dir .. '/08OSLO198.cable', cited)
  e2e.write(dir .. '/08OSLO217.cable', cable)
  vim.cmd.edit(dir .. '/08OSLO217.cable')
  local buf = vim.api.nvim_get_current_buf()
  local client = e2e.client(buf)
  t.check('server attached to the cable', client ~= nil, '')
  if not client then
    return
  end
  local folders = {}
  for _, f in ipairs(client.workspace_folders or {}) do
    folders[#folders + 1] = vim.uri_to_fname(f.uri)
  end
  t.check('the workspace folder is the file\'s folder', client.root_dir == dir and folders[1] == dir,
    ('root_dir %s, folders %s'):format(tostring(client.root_dir), table.concat(folders, ', ')))
  -- Workspace symbols (`:lua vim.lsp.buf.workspace_symbol('OSLO 198')`) hold the cable that is not open.
  local found = {}
  e2e.wait(function()
    local r = vim.lsp.buf_request_sync(buf, 'workspace/symbol', { query = 'OSLO 198' }, 3000) or {}
    found = {}
    for _, res in pairs(r) do
      for _, s in ipairs(res.result or {}) do
        found[#found + 1] = s.name .. ' @ ' .. vim.fs.basename(vim.uri_to_fname(s.location.uri))
      end
    end
    return table.concat(found, ';'):find('08OSLO198.cable', 1, true) ~= nil
  end, 10000)
  t.check('workspace symbols find the other cable of the folder', table.concat(found, ';'):find('08OSLO198.cable', 1, true) ~= nil,
    table.concat(found, '; '))
  local lnum = e2e.line_of(buf, 'REF:')
  local col = vim.api.nvim_buf_get_lines(buf, lnum - 1, lnum, false)[1]:find('OSLO 198', 1, true)
  vim.api.nvim_win_set_cursor(0, { lnum, col + 5 })
  -- The folder is read in the background: ask until the cited cable is found (or 10 s pass).
  local target
  e2e.wait(function()
    vim.lsp.buf.definition()
    e2e.pause(200)
    target = vim.api.nvim_buf_get_name(0)
    return target:find('08OSLO198', 1, true) ~= nil
  end, 10000)
  t.check('go-to-definition on REF opens the cited cable of the folder', target == dir .. '/08OSLO198.cable',
    ('window shows %s'):format(target))
end)
