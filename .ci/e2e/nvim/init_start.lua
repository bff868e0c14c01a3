-- The Neovim 0.9/0.10 code path of setup() (a FileType autocommand calling vim.lsp.start()), forced on 0.11
-- because no older Neovim with vim.lsp.start can be installed here.
vim.opt.rtp:prepend(assert(os.getenv('CABLELINT_NVIM_PLUGIN'), 'CABLELINT_NVIM_PLUGIN is not set'))
require('cablelint')._setup_with_start({ settings = { cablelint = { requireHeader = false } } })
