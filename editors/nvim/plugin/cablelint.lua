-- User commands of the cablelint plugin. Loading this file starts nothing: the server is enabled by
-- `vim.lsp.enable('cablelint')` (Neovim 0.11+) or `require('cablelint').setup()`.
if vim.g.loaded_cablelint then
  return
end
vim.g.loaded_cablelint = true

vim.api.nvim_create_user_command('CablelintFixAll', function()
  require('cablelint').fix_all()
end, { desc = 'cablelint: apply every safe fix in the buffer' })
vim.api.nvim_create_user_command('CablelintRestart', function()
  require('cablelint').restart()
end, { desc = 'cablelint: restart the language server' })
vim.api.nvim_create_user_command('CablelintLog', function()
  require('cablelint').show_log()
end, { desc = 'cablelint: open the LSP log' })

-- Neovim 0.11's vim.lsp.enable() skips a server whose program is not executable without a word: say
-- it once, when a cable is opened and the cablelint configuration is enabled.
vim.api.nvim_create_autocmd('FileType', {
  group = vim.api.nvim_create_augroup('cablelint_cmd_check', { clear = true }),
  pattern = require('cablelint.config').filetypes,
  callback = function()
    local lsp = vim.lsp
    if not (lsp.config and lsp.is_enabled and lsp.is_enabled('cablelint')) then
      return
    end
    require('cablelint').check_cmd(lsp.config.cablelint and lsp.config.cablelint.cmd)
  end,
})

-- Completion items are inserted whole (see lua/cablelint/completion.lua).
vim.api.nvim_create_autocmd('LspAttach', {
  group = vim.api.nvim_create_augroup('cablelint_attach', { clear = true }),
  callback = function(args)
    local client = vim.lsp.get_client_by_id(args.data.client_id)
    if client and client.name == 'cablelint' then
      require('cablelint.completion').attach(client.id, args.buf)
    end
  end,
})
