-- Headless Neovim: the BUFFER TEXT after accepting a completion with the built-in omnifunc
-- (`<C-x><C-o>`, an item chosen with `<C-n>`, accepted with `<C-y>`). Run by .ci/e2e/nvim.sh after
-- init_enable.lua: nvim --headless -u init_enable.lua -c 'luafile completion.lua'
-- Environment: CASE_FILE (a scratch copy of 09OSLO417.cable). Prints `PASS|FAIL completion <name>`
-- lines and exits 0 only if every scenario passed. The keys are typed through the main loop (a
-- coroutine waits on timers), as a user types them.
local e2e = dofile(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)) .. '/lib.lua')
local file = assert(os.getenv('CASE_FILE'), 'CASE_FILE is not set')

-- Each scenario: the line found by `find`, replaced by `text` (or followed by a new line `new_line`;
-- `continuation` adds a line after `text`, where the cursor then goes), where the cursor goes (right
-- after the first `at`), the item to accept (its label) and the whole line expected after. `drop`
-- removes the first line matching it before (the FM line, for a header still being written).
local scenarios = {
  {
    name = 'marking after ( keeps the first word',
    find = '^¶3%.',
    text = '¶3. (Eide said privately that his minister expects a harder',
    at = '¶3. (',
    label = '(S)',
    expect = '¶3. (S) Eide said privately that his minister expects a harder',
  },
  {
    name = 'tag completed mid-word (PR|EL)',
    find = '^TAGS:',
    text = 'TAGS: PGOV PREL NO',
    at = 'TAGS: PGOV PR',
    label = 'PREF',
    expect = 'TAGS: PGOV PREF NO',
  },
  {
    name = 'addressee by city',
    find = '^INFO ',
    new_line = 'TOKYO',
    at = 'TOKYO',
    label = 'RUEHKO/AMEMBASSY TOKYO',
    expect = 'RUEHKO/AMEMBASSY TOKYO',
  },
  {
    name = 'banner while typing CONF',
    find = '^C O N F I D E N T I A L',
    text = 'CONF',
    at = 'CONF',
    label = 'C O N F I D E N T I A L',
    expect = 'C O N F I D E N T I A L OSLO 000417',
  },
  {
    name = 'banner: CONF typed before the origin keeps the origin',
    find = '^C O N F I D E N T I A L',
    text = 'CONF OSLO 000417',
    at = 'CONF',
    label = 'C O N F I D E N T I A L',
    expect = 'C O N F I D E N T I A L OSLO 000417',
  },
  {
    name = 'date-time group',
    find = '^P %d',
    text = 'P ',
    at = 'P ',
    label_match = '^%d%d%d%d%d%dZ %u%u%u %d%d$',
    expect_match = '^P %d%d%d%d%d%dZ %u%u%u %d%d$',
  },
  {
    name = 'reason list',
    find = '^Classified By',
    text = 'Classified By: Ambassador Jane Example. Reasons 1.4 (b)',
    at = 'Reasons 1',
    label = '1.4 (b) and (d)',
    expect = 'Classified By: Ambassador Jane Example. Reasons 1.4 (b) and (d)',
  },
  -- Issue 15 items 1, 2 and 7: header lines, a tag by country name, a reason letter.
  {
    name = 'DE line',
    find = '^DE ',
    text = 'D',
    at = 'D',
    label = 'DE RUEHNY #0417 0731522',
    expect = 'DE RUEHNY #0417 0731522',
  },
  {
    name = 'FL2 prosign and routing indicators',
    find = '^PP ',
    text = 'P',
    at = 'P',
    label = 'PP RUEHC RUEHBJ RUEHMO RUEHSM',
    expect = 'PP RUEHC RUEHBJ RUEHMO RUEHSM',
  },
  {
    name = 'tag by country name',
    find = '^TAGS:',
    text = 'TAGS: PGOV JAP',
    at = 'TAGS: PGOV JAP',
    label = 'JA',
    expect = 'TAGS: PGOV JA',
  },
  {
    name = 'tag by country name (KOREA) before another tag',
    find = '^TAGS:',
    text = 'TAGS: KOREA PGOV',
    at = 'TAGS: KOREA',
    label = 'KS',
    expect = 'TAGS: KS PGOV',
  },
  -- A tag's name in two words, out of its title's order (Korea (South)): the items share the
  -- words' start, so Neovim filters on `SOUTH KOR` and keeps KS, which replaces both words.
  {
    name = 'tag by a name in two words (SOUTH KOR)',
    find = '^TAGS:',
    text = 'TAGS: PGOV SOUTH KOR',
    at = 'TAGS: PGOV SOUTH KOR',
    label = 'KS',
    expect = 'TAGS: PGOV KS',
  },
  -- The DE line before the FM line names the post, typed in lower case: the filter text begins
  -- with `de oslo` as typed, so Neovim keeps the item.
  {
    name = 'DE line by post name typed in lower case, no FM line yet',
    drop = '^FM ',
    find = '^DE ',
    text = 'de oslo',
    at = 'de oslo',
    label = 'DE RUEHNY #0417 0731522',
    expect = 'DE RUEHNY #0417 0731522',
  },
  {
    name = 'FL2 continuation line',
    find = '^PP ',
    text = 'PP RUEHC RUEHBJ',
    continuation = 'RUEHM',
    at = 'RUEHM',
    label = 'RUEHMO',
    expect = 'RUEHMO',
  },
  -- The security line completed at its end (`A` then `<C-x><C-o>`): `ZZH` stays; on a line without
  -- it, the item is the whole line.
  {
    name = 'security line at its end keeps ZZH',
    find = '^ZNY ',
    text = 'ZNR UUUUU ZZH',
    at = 'ZNR UUUUU ZZH',
    label = 'ZNY CCCCC',
    expect = 'ZNY CCCCC ZZH',
  },
  {
    name = 'security line from ZN',
    find = '^ZNY ',
    text = 'ZN',
    at = 'ZN',
    label = 'ZNY CCCCC ZZH',
    expect = 'ZNY CCCCC ZZH',
  },
  {
    name = 'FM post with the cursor right after FM',
    find = '^FM ',
    text = 'FM AMEMBASSY OSLO',
    at = 'FM',
    label = 'AMEMBASSY OSLO',
    expect = 'FM AMEMBASSY OSLO',
  },
  {
    name = 'reason letter after (d',
    find = '^Classified By',
    text = 'Classified By: Ambassador Jane Example. Reasons 1.4 (b) and (d',
    at = 'and (d',
    label = '(d)',
    expect = 'Classified By: Ambassador Jane Example. Reasons 1.4 (b) and (d)',
  },
}

e2e.run('completion', function(t)
  vim.o.completeopt = 'menuone,noselect'
  vim.cmd.edit(vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local original = e2e.lines(buf)
  if not t.check('server attached', e2e.client(buf) ~= nil, '') then
    return
  end
  for _, s in ipairs(scenarios) do
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, original)
    if s.drop then
      for i, l in ipairs(original) do
        if l:match(s.drop) then
          vim.api.nvim_buf_set_lines(buf, i - 1, i, false, {})
          break
        end
      end
    end
    local lnum
    for i, l in ipairs(e2e.lines(buf)) do
      if l:match(s.find) then
        lnum = i
        break
      end
    end
    assert(lnum, 'no line matching ' .. s.find)
    if s.new_line then
      vim.api.nvim_buf_set_lines(buf, lnum, lnum, false, { s.new_line })
      lnum = lnum + 1
    else
      vim.api.nvim_buf_set_lines(buf, lnum - 1, lnum, false, { s.text, s.continuation })
      lnum = lnum + (s.continuation and 1 or 0)
    end
    local line = vim.api.nvim_buf_get_lines(buf, lnum - 1, lnum, false)[1]
    local col = line:find(s.at, 1, true) + #s.at - 1
    -- `i` on the character at `col` (0-based) inserts there; at the end of the line, `a` after the last.
    local open
    if col >= #line then
      vim.api.nvim_win_set_cursor(0, { lnum, #line - 1 })
      open = 'a<C-x><C-o>'
    else
      vim.api.nvim_win_set_cursor(0, { lnum, col })
      open = 'i<C-x><C-o>'
    end
    local index, labels = e2e.complete(open, s.label, s.label_match)
    e2e.wait(function()
      return vim.api.nvim_get_mode().mode == 'n'
    end, 3000)
    e2e.pause(200)
    local got = vim.api.nvim_buf_get_lines(buf, lnum - 1, lnum, false)[1]
    local ok = index ~= nil and (got == s.expect or (s.expect_match ~= nil and got:match(s.expect_match) ~= nil))
    t.check(
      s.name,
      ok,
      ('line %d is %q%s'):format(lnum, got, index and '' or (' (no item ' .. (s.label or s.label_match) .. ' among ' .. #labels .. ' shown)'))
    )
    vim.cmd('stopinsert')
  end
end)
