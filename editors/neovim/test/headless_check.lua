-- A headless check that the plugin works in a real Neovim (0.7 or newer):
--
--   BYLINE=/path/to/byline ARTICLE=/path/to/article.txt OUT=/tmp/result.json \
--     nvim --headless -u NONE -c "set rtp+=editors/neovim" -c "luafile editors/neovim/test/headless_check.lua"
--
-- It opens ARTICLE, waits for Byline's diagnostics, asks for hover at the position in
-- HOVER_LINE / HOVER_CHARACTER (0-based), and writes what it saw to OUT as JSON.
local out_path = os.getenv("OUT")
local result = { diagnostics = {}, hover = nil, error = nil }

local function finish()
  local file = io.open(out_path, "w")
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd("qall!")
end

local ok, err = pcall(function()
  vim.cmd("filetype on")
  require("byline").setup({ cmd = { os.getenv("BYLINE"), "lsp" } })
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("ARTICLE")))
  vim.bo.filetype = "text"
  local bufnr = vim.api.nvim_get_current_buf()
  local got = vim.wait(15000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 50)
  if not got then
    result.error = "no diagnostics within 15 s"
    return
  end
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { code = diagnostic.code, message = diagnostic.message, lnum = diagnostic.lnum })
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = tonumber(os.getenv("HOVER_LINE")), character = tonumber(os.getenv("HOVER_CHARACTER")) },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", params, 10000)
  for _, response in pairs(responses or {}) do
    if response.result and response.result.contents then
      result.hover = response.result.contents.value or response.result.contents
    end
  end
end)
if not ok then
  result.error = tostring(err)
end
finish()
