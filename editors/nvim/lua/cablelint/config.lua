-- Default client configuration shared by `lsp/cablelint.lua` (Neovim 0.11+) and `require('cablelint').setup()`.
local M = {}

M.name = 'cablelint'
M.filetypes = { 'cable' }
M.root_markers = { 'cablelint.toml', '.git' }

--- Returns the settings object the server reads (`select`, `ignore`, `severity`, `requireHeader`) from a
--- client configuration's `settings.cablelint`, or an empty JSON object.
---@param config table
---@return table
function M.server_settings(config)
  local s = config.settings and config.settings.cablelint
  if s == nil or next(s) == nil then
    return vim.empty_dict()
  end
  return s
end

--- The root folder of a buffer: the nearest folder above it holding one of `markers`, else the buffer's
--- own folder, as nvim-lspconfig's configurations fall back to it, so that go-to-definition and workspace
--- symbols reach the other cables of a plain folder. Never the home folder or `/` (the server would read
--- every cable below it): `nil` there, and for a buffer with no file.
---@param bufnr integer
---@param markers string[]
---@return string|nil
function M.root_dir(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' then
    return nil
  end
  local root
  if vim.fs.root then -- 0.10+
    root = vim.fs.root(bufnr, markers)
  else
    local found = vim.fs.find(markers, { upward = true, path = vim.fs.dirname(name) })[1]
    root = found and vim.fs.dirname(found) or nil
  end
  root = root or vim.fs.dirname(vim.fs.normalize(name))
  local home = vim.fs.normalize(vim.uv and vim.uv.os_homedir() or vim.loop.os_homedir() or '')
  if root == '/' or root == home then
    return nil
  end
  return root
end

--- Returns a fresh default configuration in the shape of `vim.lsp.Config`.
---@return table
function M.defaults()
  return {
    cmd = { 'cablelint', 'lsp' },
    filetypes = vim.deepcopy(M.filetypes),
    root_markers = vim.deepcopy(M.root_markers),
    -- Neovim 0.11's `root_dir` function: the markers' folder, else the file's own (see `M.root_dir`).
    -- A `root_markers` given by the user is read from the resolved configuration.
    root_dir = function(bufnr, on_dir)
      local cfg = vim.lsp.config and vim.lsp.config[M.name]
      on_dir(M.root_dir(bufnr, (cfg and cfg.root_markers) or M.root_markers))
    end,
    settings = { cablelint = vim.empty_dict() },
    -- The server takes the same settings object as initialization options, so that the first
    -- diagnostics already follow the user's rule selection. Explicit `init_options` win.
    before_init = function(params, config)
      if params.initializationOptions == nil then
        params.initializationOptions = M.server_settings(config)
      end
    end,
  }
end

return M
