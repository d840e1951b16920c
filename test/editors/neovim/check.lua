-- Run headless after the README's configuration, on a file with one wrong status: waits for the diagnostic, applies the preferred
-- quick fix through Neovim's own LSP client, waits for the diagnostic to go, and writes what happened to OUT.
local out = assert(io.open(vim.env.OUT, 'w'))
local function say(line) out:write(line, '\n') end
local function finish(code)
  out:close()
  vim.cmd(code == 0 and 'qa!' or 'cq!')
end

local ok = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
if not ok then say('no diagnostics within 15 s'); return finish(1) end
local diagnostic = vim.diagnostic.get(0)[1]
say(('diagnostic %d:%d %s [%s] %s'):format(diagnostic.lnum + 1, diagnostic.col + 1, diagnostic.source or '?', diagnostic.code or '?', diagnostic.message))

local params = vim.lsp.util.make_range_params()
params.range = { start = { line = diagnostic.lnum, character = diagnostic.col }, ['end'] = { line = diagnostic.end_lnum, character = diagnostic.end_col } }
params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0, diagnostic.lnum) }
local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}
local preferred
for _, response in pairs(responses) do
  for _, action in ipairs(response.result or {}) do
    say('action ' .. action.title .. (action.isPreferred and ' (preferred)' or ''))
    if action.isPreferred then preferred = action end
  end
end
if not preferred or not preferred.edit then say('no preferred quick fix with an edit'); return finish(1) end
vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16')
say('line after fix: ' .. vim.api.nvim_buf_get_lines(0, diagnostic.lnum, diagnostic.lnum + 1, false)[1])

ok = vim.wait(15000, function() return #vim.diagnostic.get(0) == 0 end, 50)
say(ok and 'diagnostics after fix: none' or ('diagnostics after fix: ' .. #vim.diagnostic.get(0)))
finish(ok and 0 or 1)
