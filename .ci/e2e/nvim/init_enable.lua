-- What a Neovim 0.11+ user writes in init.lua: add the plugin to the runtimepath and enable the server.
vim.opt.rtp:prepend(assert(os.getenv('CABLELINT_NVIM_PLUGIN'), 'CABLELINT_NVIM_PLUGIN is not set'))
vim.lsp.enable('cablelint')
