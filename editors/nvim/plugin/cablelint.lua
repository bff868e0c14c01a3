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
