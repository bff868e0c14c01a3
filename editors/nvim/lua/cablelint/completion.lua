-- Whole-item insertion for Neovim's built-in LSP completion (`<C-x><C-o>` through the default
-- 'omnifunc', and `vim.lsp.completion`). Neovim inserts only the first word of a plain textEdit
-- (`RUEHKO/AMEMBASSY TOKYO` became `RUEHKO/AMEMBASSY`, a banner became `C`) and leaves the part of the
-- replaced element after the cursor (`PR|EL` became `PREFEL`). For the cablelint client this module
-- makes the inserted word the item's whole new text and, once an item is accepted, removes what the
-- item's range covered after the cursor. Nothing is done on Neovim without `vim.lsp.completion`.
local M = {}

local function client_of(bufnr)
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  return get({ name = 'cablelint', bufnr = bufnr })[1]
end

--- `convert` for `vim.lsp.completion.enable`: the complete-item word is the whole new text. The part of
--- the item's range after the cursor is remembered on the item for `remove_rest`.
---@param item table lsp.CompletionItem
---@return table
function M.convert(item)
  local edit = item.textEdit
  if type(edit) ~= 'table' or item.insertTextFormat == 2 then
    return {}
  end
  local range = edit.range or edit.replace
  local bufnr = vim.api.nvim_get_current_buf()
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  local client = client_of(bufnr)
  if range and client and range['end'].line == row - 1 then
    local line = vim.api.nvim_get_current_line()
    local ok, stop = pcall(vim.str_byteindex, line, client.offset_encoding or 'utf-16', range['end'].character, false)
    if ok and stop > col then
      item._cablelint_rest = line:sub(col + 1, stop)
    end
  end
  return { word = edit.newText }
end

--- On CompleteDone: removes the rest of the replaced element after the cursor.
function M.remove_rest()
  local reason = vim.v.event and vim.v.event.reason
  if reason ~= nil and reason ~= 'accept' then
    return
  end
  local done = vim.v.completed_item
  local item = type(done) == 'table' and vim.tbl_get(done, 'user_data', 'nvim', 'lsp', 'completion_item')
  local rest = type(item) == 'table' and item._cablelint_rest
  if type(rest) ~= 'string' or rest == '' then
    return
  end
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  local line = vim.api.nvim_get_current_line()
  if line:sub(col + 1, col + #rest) == rest then
    vim.api.nvim_buf_set_text(0, row - 1, col, row - 1, col + #rest, { '' })
  end
end

--- Sets whole-item insertion up for one buffer the cablelint client attached to.
---@param client_id integer
---@param bufnr integer
function M.attach(client_id, bufnr)
  if not (vim.lsp.completion and vim.lsp.completion.enable) then
    return
  end
  vim.lsp.completion.enable(true, client_id, bufnr, { convert = M.convert })
  local group = vim.api.nvim_create_augroup('cablelint_completion_' .. bufnr, { clear = true })
  vim.api.nvim_create_autocmd('CompleteDone', { group = group, buffer = bufnr, callback = M.remove_rest })
end

return M
