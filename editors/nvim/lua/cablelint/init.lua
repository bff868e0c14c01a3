-- cablelint for Neovim: `require('cablelint').setup({ cmd = ..., settings = ... })`.
--
-- On Neovim 0.11+ this is `vim.lsp.config('cablelint', opts)` + `vim.lsp.enable('cablelint')` (the defaults
-- come from `lsp/cablelint.lua`). On 0.9 and 0.10 it starts the client with `vim.lsp.start()` from a
-- FileType autocommand. Users of 0.11+ may skip `setup()` and call `vim.lsp.enable('cablelint')` directly.
local config = require('cablelint.config')

local M = {}

--- Normalises user options into a client configuration (without defaults).
--- Accepted options: `cmd` (list), `path` (the binary, shorthand for `cmd = { path, 'lsp' }`),
--- `settings` (`{ cablelint = {...} }`, or the inner table alone), `filetypes`, `root_markers`,
--- `on_attach`, `capabilities`, `init_options`.
---@param opts table|nil
---@return table
local function normalise(opts)
  opts = vim.deepcopy(opts or {})
  if opts.path then
    opts.cmd = opts.cmd or { opts.path, 'lsp' }
    opts.path = nil
  end
  if opts.settings and opts.settings.cablelint == nil then
    opts.settings = { cablelint = opts.settings }
  end
  return opts
end

--- Starts (or reuses) the client for one buffer with `vim.lsp.start()`; the path for Neovim 0.9 and 0.10.
---@param cfg table full configuration
---@param bufnr integer
local function start_for_buffer(cfg, bufnr)
  if vim.bo[bufnr].buftype ~= '' then
    return
  end
  local root = config.root_dir(bufnr, cfg.root_markers)
  vim.lsp.start({
    name = config.name,
    cmd = cfg.cmd,
    root_dir = root,
    settings = cfg.settings,
    init_options = cfg.init_options or config.server_settings(cfg),
    capabilities = cfg.capabilities,
    on_attach = cfg.on_attach,
  }, { bufnr = bufnr })
end

--- The 0.9/0.10 code path, also usable on 0.11 (the end-to-end test runs it there).
---@param opts table|nil
function M._setup_with_start(opts)
  local cfg = vim.tbl_deep_extend('force', config.defaults(), normalise(opts))
  local group = vim.api.nvim_create_augroup('cablelint', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = cfg.filetypes,
    callback = function(args)
      if M.check_cmd(cfg.cmd) then
        start_for_buffer(cfg, args.buf)
      end
    end,
  })
  -- Buffers opened before setup() ran get their client now.
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(cfg.filetypes, vim.bo[buf].filetype) and M.check_cmd(cfg.cmd) then
      start_for_buffer(cfg, buf)
    end
  end
end

--- Configures and enables the cablelint language server.
---@param opts table|nil
function M.setup(opts)
  if vim.lsp.config and vim.lsp.enable then
    vim.lsp.config(config.name, normalise(opts))
    vim.lsp.enable(config.name)
  elseif vim.lsp.start then
    M._setup_with_start(opts)
  else
    vim.notify('cablelint: Neovim 0.9 or newer is required', vim.log.levels.ERROR)
  end
end

local function clients(bufnr)
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  return get({ name = config.name, bufnr = bufnr })
end

--- Applies every safe fix in the current buffer (the server's `source.fixAll.cablelint` code action).
function M.fix_all()
  if #clients(0) == 0 then
    vim.notify('cablelint: no cablelint server is attached to this buffer', vim.log.levels.WARN)
    return
  end
  vim.lsp.buf.code_action({
    context = { only = { 'source.fixAll.cablelint' }, diagnostics = {} },
    apply = true,
  })
end

--- Whether a buffer is one the server serves (a loaded buffer of a cable filetype).
local function is_cable_buffer(buf)
  return vim.api.nvim_buf_is_loaded(buf) and vim.bo[buf].buftype == ''
    and vim.tbl_contains(config.filetypes, vim.bo[buf].filetype)
end

--- Stops the cablelint clients and starts them again for every cable buffer: those the clients served
--- and those that lost their client when the server crashed (then no client is left to ask).
function M.restart()
  local bufs = {}
  for _, client in ipairs(clients()) do
    for buf in pairs(client.attached_buffers or {}) do
      bufs[buf] = true
    end
    if vim.fn.has('nvim-0.11') == 1 then
      client:stop()
    else
      client.stop()
    end
  end
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if is_cable_buffer(buf) then
      bufs[buf] = true
    end
  end
  vim.defer_fn(function()
    for buf in pairs(bufs) do
      if vim.api.nvim_buf_is_valid(buf) then
        vim.api.nvim_exec_autocmds('FileType', { buffer = buf, modeline = false })
      end
    end
  end, 500)
end

local warned_missing = false

--- Says once, as an error, that the server's program cannot be run, with what to do; returns whether
--- it can be run. `cmd` is the client configuration's command list.
---@param cmd table|function|nil
---@return boolean
function M.check_cmd(cmd)
  if type(cmd) ~= 'table' or cmd[1] == nil or vim.fn.executable(cmd[1]) == 1 then
    return true
  end
  if not warned_missing then
    warned_missing = true
    local message = (
      ('cablelint: the language server was not started: %q is not an executable file%s. Install cablelint '
        .. '(`cargo install --path .` puts it in ~/.cargo/bin) or set `cmd` in vim.lsp.config() or setup().')
        :format(cmd[1], cmd[1]:find('/') and '' or ' on $PATH')
    )
    -- Shown once the buffer is open, not in the middle of the autocommand that opens it.
    vim.schedule(function()
      vim.notify(message, vim.log.levels.ERROR)
    end)
  end
  return false
end

--- Opens the LSP log, where the server's stderr ends up.
function M.show_log()
  vim.cmd.tabnew(vim.lsp.get_log_path())
end

return M
