-- The cablelint language server for Neovim 0.11+: `vim.lsp.enable('cablelint')` picks this file up from
-- the runtimepath. Override any field with `vim.lsp.config('cablelint', { ... })`, for example
-- `cmd = { '/path/to/cablelint', 'lsp' }` or `settings = { cablelint = { ignore = { 'CBL305' } } }`.
---@type vim.lsp.Config
return require('cablelint.config').defaults()
