-- Headless Neovim checks of the cablelint plugin against a running server. Run by .ci/e2e/nvim.sh after
-- one of the user init files (init_enable.lua, init_setup.lua, init_start.lua) has set the plugin up:
--   nvim --headless -u init_X.lua -c 'luafile check.lua' -c 'cquit 3'
-- Environment: CASE_NAME, CASE_FILE (a scratch copy of the cable), CASE_EXPECT (its .expect.json).
-- Prints one `PASS|FAIL <case> <check>: <detail>` line per check and exits 0 only if every check passed.
local case = os.getenv('CASE_NAME') or '?'
local file = assert(os.getenv('CASE_FILE'), 'CASE_FILE is not set')
local expect_path = assert(os.getenv('CASE_EXPECT'), 'CASE_EXPECT is not set')
local failures = 0
local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients

local function out(s)
  io.stdout:write(s .. '\n')
end

local function check(name, ok, detail)
  out(('%s %s %s: %s'):format(ok and 'PASS' or 'FAIL', case, name, detail or ''))
  if not ok then
    failures = failures + 1
  end
end

local function one_line(s)
  return (tostring(s):gsub('%s+', ' '))
end

local function read_json(path)
  local f = assert(io.open(path, 'r'))
  local data = vim.json.decode(f:read('*a'))
  f:close()
  return data
end

-- Runs one check; an error inside it is a failure of that check, not of the whole run.
local function guarded(name, fn)
  local ok, err = pcall(fn)
  if not ok then
    check(name, false, 'error: ' .. one_line(tostring(err):gsub('^[^:]*check%.lua:%d+: ', '')))
  end
end

-- Flattens hover contents (MarkupContent, MarkedString or a list of them) into text.
local function hover_text(contents)
  if contents == nil then
    return ''
  end
  if type(contents) == 'string' then
    return contents
  end
  if contents.value then
    return contents.value
  end
  local parts = {}
  for _, c in ipairs(contents) do
    parts[#parts + 1] = hover_text(c)
  end
  return table.concat(parts, '\n')
end

-- A completion item offers `want` when its label, filter text or inserted text is that word (a label may
-- carry a description after the word, as in `PREL - External Political Relations`).
local function offers(item, want)
  local texts = { item.label, item.filterText, item.insertText, item.textEdit and item.textEdit.newText }
  for _, t in ipairs(texts) do
    if type(t) == 'string' and (t == want or t:match('^' .. vim.pesc(want) .. '[^%w]')) then
      return true
    end
  end
  return false
end

local close_floats

local function syntax_group(lnum, col0)
  return vim.fn.synIDattr(vim.fn.synID(lnum, col0 + 1, 1), 'name')
end

local ok_all, err_all = xpcall(function()
  local v = vim.version()
  out(('nvim %d.%d.%d mode=%s case=%s'):format(v.major, v.minor, v.patch, os.getenv('E2E_MODE') or '?', case))
  local spec = read_json(expect_path)

  vim.cmd.edit(vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local original = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  check('filetype', vim.bo[buf].filetype == 'cable', 'filetype=' .. vim.bo[buf].filetype)

  -- The syntax file colours the elements a drafter scans for.
  guarded('syntax', function()
    local probes = {
      { '^C O N F I D E N T I A L', nil, 'cableConfidential' },
      { '^DE ', nil, 'cableDeKeyword' },
      { '^INFO ', 'RUEHBJ', 'cableRoutingIndicator' },
      { '^TAGS', nil, 'cableTagsLabel' },
      { '^TAGS', 'PREL', 'cableTag' },
      { '^E%.O%.', nil, 'cableLabelEo' },
      { '^SUBJECT:', nil, 'cableLabel' },
      { '^¶?1%. ', nil, 'cableParagraphNumber' },
      { '^¶?1%. ', '(C)', 'cableMarkingC' },
    }
    local seen, bad = {}, {}
    for _, p in ipairs(probes) do
      for i, l in ipairs(original) do
        if l:match(p[1]) then
          local col = p[2] and (l:find(p[2], 1, true) - 1) or 0
          local g = syntax_group(i, col)
          seen[#seen + 1] = ('%d:%s=%s'):format(i, p[2] or p[1], g)
          if g ~= p[3] then
            bad[#bad + 1] = ('line %d %q: %s, expected %s'):format(i, p[2] or p[1], g, p[3])
          end
          break
        end
      end
    end
    check('syntax', #bad == 0 and #seen == #probes, #bad > 0 and table.concat(bad, '; ') or table.concat(seen, ' '))
  end)

  local client
  vim.wait(15000, function()
    client = get_clients({ bufnr = buf, name = 'cablelint' })[1]
    return client ~= nil and client.initialized ~= false
  end, 20)
  check('client attached', client ~= nil, client and ('id=%d encoding=%s'):format(client.id, client.offset_encoding) or 'no cablelint client within 15 s')
  if not client then
    return
  end
  local enc = client.offset_encoding
  local uri = vim.uri_from_bufnr(buf)

  local function diags_on(code, lnum)
    local found = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if tostring(d.code) == code and d.lnum + 1 == lnum then
        found[#found + 1] = d
      end
    end
    return found
  end

  local win = vim.api.nvim_get_current_win()
  -- Closes hover windows (whatever they show) and returns to the cable's window.
  function close_floats()
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(w).relative ~= '' then
        vim.api.nvim_win_close(w, true)
      end
    end
    vim.api.nvim_set_current_win(win)
  end

  local function restore()
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, original)
  end

  local function position_at(lnum, find)
    local line = vim.api.nvim_buf_get_lines(buf, lnum - 1, lnum, false)[1] or ''
    local s = line:find(find, 1, true)
    assert(s, ('%q not found on line %d: %s'):format(find, lnum, line))
    -- The cursor goes inside the word, as a user hovering it would place it.
    vim.api.nvim_win_set_cursor(win, { lnum, s })
    return vim.lsp.util.make_position_params(win, enc)
  end

  local function request(method, params)
    local resp, err = vim.lsp.buf_request_sync(buf, method, params, 5000)
    assert(resp, method .. ' got no answer: ' .. tostring(err))
    local r = resp[client.id]
    assert(r, method .. ': the cablelint client did not answer')
    assert(not r.err and not r.error, method .. ' error: ' .. vim.inspect(r.err or r.error))
    return r.result
  end

  for _, step in ipairs(spec.steps) do
    if step.kind == 'diagnostics' then
      local function missing()
        local m = {}
        for _, e in ipairs(step.expect) do
          if #diags_on(e.code, e.line) == 0 then
            m[#m + 1] = e
          end
        end
        return m
      end
      vim.wait(15000, function()
        return #missing() == 0
      end, 50)
      vim.wait(300) -- Lets a late second publication land before the list is printed.
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        out(('  DIAG %d:%d sev=%d [%s] %s'):format(d.lnum + 1, d.col + 1, d.severity, tostring(d.code), one_line(d.message)))
      end
      for _, e in ipairs(step.expect) do
        local found = diags_on(e.code, e.line)
        local ok, detail = #found > 0, ('%s on line %d'):format(e.code, e.line)
        if ok and e.at then
          local line = original[e.line]
          local col = line:find(e.at, 1, true)
          local cols = {}
          ok = false
          for _, d in ipairs(found) do
            cols[#cols + 1] = tostring(d.col)
            ok = ok or (col ~= nil and d.col == col - 1)
          end
          detail = detail .. (' starting at %q (byte %s; got %s)'):format(e.at, tostring(col and col - 1), table.concat(cols, ','))
        end
        if ok then
          local lsp = found[1].user_data and found[1].user_data.lsp
          detail = detail .. (' source=%s'):format(lsp and lsp.source or found[1].source or '?')
        end
        check('diagnostic ' .. e.code, ok, detail)
      end
      for _, code in ipairs(step.absent or {}) do
        local hit
        for _, d in ipairs(vim.diagnostic.get(buf)) do
          if tostring(d.code) == code then
            hit = d
          end
        end
        check('no diagnostic ' .. code, hit == nil, hit and ('line %d: %s'):format(hit.lnum + 1, hit.message) or '')
      end
    elseif step.kind == 'config' then
      -- Live reload: new settings are announced with didChangeConfiguration; the server pulls them.
      guarded('config', function()
        assert(vim.wait(5000, function()
          return #diags_on(step.code, step.line) > 0
        end, 20), ('no %s diagnostic on line %d before the change'):format(step.code, step.line))
        local saved = vim.deepcopy(client.settings)
        local name = 'config ' .. vim.json.encode(step.settings)
        client.settings = vim.tbl_deep_extend('force', client.settings or {}, { cablelint = step.settings })
        client:notify('workspace/didChangeConfiguration', { settings = client.settings })
        local gone = vim.wait(10000, function()
          return #diags_on(step.code, step.line) == 0
        end, 20)
        check(name .. ' clears ' .. step.code, gone, gone and '' or 'still reported after 10 s')
        client.settings = saved
        client:notify('workspace/didChangeConfiguration', { settings = client.settings })
        local back = vim.wait(10000, function()
          return #diags_on(step.code, step.line) > 0
        end, 20)
        check('config reset brings back ' .. step.code, back, back and '' or 'not reported again after 10 s')
      end)
    elseif step.kind == 'hover' then
      guarded('hover ' .. step.find, function()
        local params = position_at(step.line, step.find)
        local result = request('textDocument/hover', params)
        local text = hover_text(result and result.contents)
        check('hover ' .. step.find, text:find(step.expect, 1, true) ~= nil, ('want %q, got %q'):format(step.expect, one_line(text)))
      end)
      -- The same hover as a user sees it: vim.lsp.buf.hover() opens a floating window.
      guarded('hover window ' .. step.find, function()
        position_at(step.line, step.find)
        vim.lsp.buf.hover()
        local shown
        vim.wait(5000, function()
          for _, w in ipairs(vim.api.nvim_list_wins()) do
            if vim.api.nvim_win_get_config(w).relative ~= '' then
              local text = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false), '\n')
              if text:find(step.expect, 1, true) then
                shown = text
                return true
              end
            end
          end
          return false
        end, 20)
        close_floats()
        check('hover window ' .. step.find, shown ~= nil, shown and one_line(shown) or 'no floating window with the text within 5 s')
      end)
    elseif step.kind == 'fix' then
      -- A user fixes each squiggle of the code on the line with its quick fix, until none is left.
      guarded('quick fix ' .. step.code, function()
        vim.wait(5000, function()
          return #diags_on(step.code, step.line) > 0
        end, 20)
        assert(#diags_on(step.code, step.line) > 0, ('no %s diagnostic on line %d to fix'):format(step.code, step.line))
        local applied = {}
        for _ = 1, 20 do
          local found = diags_on(step.code, step.line)
          local d = found[1]
          if not d then
            break
          end
          local lspd = d.user_data and d.user_data.lsp
          assert(lspd, 'the diagnostic carries no LSP data')
          local actions = request('textDocument/codeAction', {
            textDocument = { uri = uri },
            range = lspd.range,
            context = { diagnostics = { lspd }, only = { 'quickfix' }, triggerKind = 1 },
          }) or {}
          local titles, chosen = {}, nil
          for _, a in ipairs(actions) do
            titles[#titles + 1] = ('%q(%s%s)'):format(a.title, tostring(a.kind), a.isPreferred and ',preferred' or '')
            if (a.kind or 'quickfix'):match('^quickfix') and (not chosen or (a.isPreferred and not chosen.isPreferred)) then
              chosen = a
            end
          end
          out('  CODE ACTIONS ' .. table.concat(titles, ' '))
          assert(chosen, 'no quickfix action offered for ' .. one_line(d.message))
          if not chosen.edit and not chosen.command and chosen.data then
            chosen = request('codeAction/resolve', chosen)
          end
          if chosen.edit then
            vim.lsp.util.apply_workspace_edit(chosen.edit, enc)
          end
          if chosen.command then
            local cmd = type(chosen.command) == 'table' and chosen.command or chosen
            request('workspace/executeCommand', { command = cmd.command, arguments = cmd.arguments })
          end
          applied[#applied + 1] = chosen.title
          -- The next round starts from the diagnostics of the edited text.
          if not vim.wait(5000, function()
            return #diags_on(step.code, step.line) < #found
          end, 20) then
            break
          end
        end
        local got = vim.api.nvim_buf_get_lines(buf, step.line - 1, step.line, false)[1]
        check(
          'quick fix ' .. step.code,
          got == step.expect_line,
          ('applied %d fix(es) (%s); line %d is %q'):format(#applied, table.concat(applied, '; '), step.line, got)
        )
        local left = #diags_on(step.code, step.line)
        check('fixed diagnostics cleared ' .. step.code, left == 0, left == 0 and '' or (left .. ' still reported'))
      end)
      restore()
    elseif step.kind == 'fix_all' then
      guarded(':CablelintFixAll', function()
        vim.api.nvim_win_set_cursor(win, { 1, 0 })
        vim.cmd('CablelintFixAll')
        local got
        vim.wait(5000, function()
          got = vim.api.nvim_buf_get_lines(buf, step.line - 1, step.line, false)[1]
          return got == step.expect_line
        end, 20)
        check(':CablelintFixAll', got == step.expect_line, ('line %d is %q'):format(step.line, got))
      end)
      restore()
    elseif step.kind == 'completion' then
      guarded('completion', function()
        vim.api.nvim_buf_set_lines(buf, step.line - 1, step.line, false, { step.set_line })
        vim.api.nvim_win_set_cursor(win, { step.line, #step.set_line })
        local params = vim.lsp.util.make_position_params(win, enc)
        local result = request('textDocument/completion', params)
        local items = result and (result.items or result) or {}
        local labels, missing = {}, {}
        for _, it in ipairs(items) do
          labels[#labels + 1] = it.label
        end
        for _, want in ipairs(step.expect) do
          local found = false
          for _, it in ipairs(items) do
            found = found or offers(it, want)
          end
          if not found then
            missing[#missing + 1] = want
          end
        end
        check(
          ('completion after %q'):format(step.set_line),
          #missing == 0,
          ('%d items: %s%s'):format(#labels, table.concat(vim.list_slice(labels, 1, 12), ','), #missing > 0 and (' MISSING ' .. table.concat(missing, ',')) or '')
        )
      end)
      restore()
    elseif step.kind == 'format' or step.kind == 'range_format' then
      -- What a user runs: vim.lsp.buf.format(), over the buffer or a range; the buffer text afterwards
      -- must be the expected file (`cablelint fmt -` of the cable, or that paragraph only).
      local name = step.kind == 'format' and 'vim.lsp.buf.format()' or 'vim.lsp.buf.format({range})'
      guarded(name, function()
        local want_path = expect_path:gsub('[^/]*$', '') .. step.expect_file
        local f = assert(io.open(want_path, 'rb'))
        local want = f:read('*a')
        f:close()
        local function text()
          return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
        end
        assert(text() ~= want, 'the expected text is the buffer as it is, so the check could not fail')
        local opts = { bufnr = buf, name = 'cablelint', timeout_ms = 5000 }
        if step.kind == 'range_format' then
          local last = vim.api.nvim_buf_get_lines(buf, step.end_line - 1, step.end_line, false)[1]
          opts.range = { start = { step.line, 0 }, ['end'] = { step.end_line, #last } }
        end
        vim.lsp.buf.format(opts)
        local got = text()
        local detail = 'buffer is the expected text'
        if got ~= want then
          local g, w = vim.split(got, '\n'), vim.split(want, '\n')
          for i = 1, math.max(#g, #w) do
            if g[i] ~= w[i] then
              detail = ('line %d is %q, expected %q'):format(i, g[i] or '(none)', w[i] or '(none)')
              break
            end
          end
        end
        check(name, got == want, detail)
      end)
      restore()
    else
      check('step ' .. tostring(step.kind), false, 'unknown step kind in ' .. expect_path)
    end
    close_floats()
  end

  -- :CablelintRestart replaces the client and the diagnostics come back.
  guarded(':CablelintRestart', function()
    local old = client
    vim.cmd('CablelintRestart')
    local new
    vim.wait(10000, function()
      new = get_clients({ bufnr = buf, name = 'cablelint' })[1]
      return new ~= nil and new.id ~= old.id and new.initialized ~= false
    end, 50)
    assert(new and new.id ~= old.id, 'no new cablelint client within 10 s')
    client = new
    local back = vim.wait(10000, function()
      return #vim.diagnostic.get(buf) > 0
    end, 50)
    check(':CablelintRestart', back, ('client %d replaced by %d; %d diagnostics'):format(old.id, new.id, #vim.diagnostic.get(buf)))
  end)

  -- shutdown + exit must end the server promptly.
  if vim.fn.has('nvim-0.11') == 1 then
    client:stop()
  else
    client.stop()
  end
  local stopped = vim.wait(5000, function()
    return client.is_stopped and (vim.fn.has('nvim-0.11') == 1 and client:is_stopped() or client.is_stopped())
  end, 20)
  check('server stops on shutdown/exit', stopped, stopped and '' or 'still running 5 s after shutdown')
end, debug.traceback)

if not ok_all then
  check('run', false, 'error: ' .. one_line(err_all))
end
out(('%s %s: %d failed'):format(failures == 0 and 'OK' or 'FAILED', case, failures))
if failures == 0 then
  vim.cmd('qall!')
else
  vim.cmd('cquit 1')
end
