-- What a user who prefers a setup() call writes (the path documented for every supported Neovim).
vim.opt.rtp:prepend(assert(os.getenv('CABLELINT_NVIM_PLUGIN'), 'CABLELINT_NVIM_PLUGIN is not set'))
require('cablelint').setup({})
