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

-- A snippet that ends with a line break (the new-cable skeleton a language server offers in an empty
-- cable) leaves an empty last line in the buffer after Neovim expands it, which 'eol' writes as a
-- second newline (`WHITNEY\n\n`, which `cablelint fmt --check` refuses). That empty line is removed
-- once the snippet is in, when it is the line the snippet's final line break made at the buffer's end.
vim.api.nvim_create_autocmd('CompleteDone', {
  buffer = 0,
  group = vim.api.nvim_create_augroup('cablelint_snippet_eol_' .. vim.api.nvim_get_current_buf(), { clear = true }),
  callback = function(args)
    local item = vim.tbl_get(vim.v.completed_item or {}, 'user_data', 'nvim', 'lsp', 'completion_item')
    if type(item) ~= 'table' or item.insertTextFormat ~= 2 then
      return
    end
    local text = (type(item.textEdit) == 'table' and item.textEdit.newText) or item.insertText or ''
    if not (text:match('\n%$0$') or text:match('\n$')) then
      return
    end
    local _, breaks = text:gsub('\n', '')
    local start = type(item.textEdit) == 'table' and (item.textEdit.range or item.textEdit.insert).start.line
      or (vim.api.nvim_win_get_cursor(0)[1] - 1)
    local buf = args.buf
    -- Neovim expands the snippet after its own CompleteDone handler, once the server has answered
    -- `completionItem/resolve`: look for the expanded text for up to a second.
    local tries = 0
    local function trim()
      tries = tries + 1
      if not vim.api.nvim_buf_is_valid(buf) or not (vim.bo[buf].eol or vim.bo[buf].fixeol) then
        return
      end
      local n = vim.api.nvim_buf_line_count(buf)
      if n < start + breaks + 1 then
        if tries < 50 then
          vim.defer_fn(trim, 20)
        end
        return
      end
      local last = vim.api.nvim_buf_get_lines(buf, n - 1, n, false)[1]
      if n > 1 and last == '' and start + breaks == n - 1 then
        vim.api.nvim_buf_set_lines(buf, n - 1, n, false, {})
      end
    end
    vim.defer_fn(trim, 0)
  end,
})
