-- Byline for Neovim: starts `byline lsp` for plain-text and Markdown articles, links
-- Byline's semantic token types to highlight groups, and passes the `byline` settings.
--
--   require("byline").setup{}                      -- defaults
--   require("byline").setup{ cmd = { "/path/to/byline", "lsp" },
--                            filetypes = { "text", "markdown" },
--                            settings = { diagnostics = { ["ambiguous-speaker"] = false } } }
--
-- Neovim 0.8 and newer use vim.lsp.start; 0.7 gets the same through vim.lsp.start_client.
local M = {}

M.defaults = {
  cmd = { "byline", "lsp" },
  filetypes = { "text", "markdown" },
  -- The workspace root: the nearest folder with one of these, else the file's folder.
  root_markers = { "byline.json", ".git" },
  -- The `byline` settings section (protocol.md, "Settings").
  settings = {},
  -- Link Byline's token types to these groups; false leaves highlights alone.
  highlights = {
    person = "Identifier",
    organization = "Type",
    place = "Constant",
    nationality = "Special",
    date = "Number",
    time = "Number",
    number = "Number",
    quote = "String",
    speaker = "Function",
    cue = "Keyword",
    event = "PreProc",
    work = "Title",
  },
}

M.config = vim.deepcopy(M.defaults)

local function find_root(path)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  while dir and dir ~= "" do
    for _, marker in ipairs(M.config.root_markers) do
      if vim.loop.fs_stat(dir .. "/" .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then
      break
    end
    dir = parent
  end
  return vim.fn.fnamemodify(path, ":p:h")
end

--- The client configuration for a buffer.
function M.client_config(bufnr)
  local path = vim.api.nvim_buf_get_name(bufnr)
  local root = find_root(path ~= "" and path or vim.fn.getcwd())
  return {
    name = "byline",
    cmd = M.config.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = M.config.settings,
    settings = { byline = M.config.settings },
  }
end

-- Neovim 0.7: one client per root, started once and attached to each article buffer.
local clients_by_root = {}

local function attach(bufnr)
  local config = M.client_config(bufnr)
  if vim.lsp.start then
    vim.lsp.start(config, { bufnr = bufnr })
    return
  end
  local id = clients_by_root[config.root_dir]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    clients_by_root[config.root_dir] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

--- Links `@lsp.type.<type>` (Neovim 0.9+) and `LspSemantic_<type>` to the configured groups.
function M.link_highlights()
  if not M.config.highlights then
    return
  end
  -- Group names with "@" and "." exist from Neovim 0.9, which draws semantic tokens.
  local modern = vim.fn.has("nvim-0.9") == 1
  for token_type, group in pairs(M.config.highlights) do
    if modern then
      vim.api.nvim_set_hl(0, "@lsp.type." .. token_type, { link = group, default = true })
    end
    vim.api.nvim_set_hl(0, "LspSemantic_" .. token_type, { link = group, default = true })
  end
  if modern then
    vim.api.nvim_set_hl(0, "@lsp.mod.unattributed", { link = "DiagnosticUnderlineWarn", default = true })
  end
end

function M.setup(options)
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), options or {})
  M.link_highlights()
  local group = vim.api.nvim_create_augroup("byline", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      attach(args.buf)
    end,
  })
  vim.api.nvim_create_autocmd("ColorScheme", { group = group, callback = M.link_highlights })
  -- Buffers already open when setup runs.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype) then
      attach(bufnr)
    end
  end
end

return M
