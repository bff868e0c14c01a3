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

--- Returns a fresh default configuration in the shape of `vim.lsp.Config`.
---@return table
function M.defaults()
  return {
    cmd = { 'cablelint', 'lsp' },
    filetypes = vim.deepcopy(M.filetypes),
    root_markers = vim.deepcopy(M.root_markers),
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
