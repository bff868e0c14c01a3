-- Cable buffers (filetype `cable`): `gq` lays text out at the width of the cable forms, 69
-- characters (`line-width` of cablelint.toml by default), also when no language server runs.
-- With `cablelint lsp` attached, Neovim formats `gq`'s lines through the server instead
-- ('formatexpr' is then vim.lsp.formatexpr()), which applies the `[format]` settings.
vim.bo.textwidth = 69
-- Lines are broken by `gq` only, not while typing (`t`, `c`: a header or TAGS line is never broken
-- as it is typed), and a numbered paragraph's second line is not indented under its text (no `n`:
-- cable paragraphs start their lines at the margin).
vim.opt_local.formatoptions:remove({ 't', 'c', 'n', '2' })
vim.opt_local.formatoptions:append({ 'q', 'j' })
vim.b.undo_ftplugin = (vim.b.undo_ftplugin and (vim.b.undo_ftplugin .. ' | ') or '')
  .. 'setlocal textwidth< formatoptions<'
