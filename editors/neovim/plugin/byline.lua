-- Nothing starts until require("byline").setup{} is called, so that users choose when.
vim.api.nvim_create_user_command("BylineInfo", function()
  for _, client in ipairs(vim.lsp.get_active_clients()) do
    if client.name == "byline" then
      print(("byline: client %d, root %s"):format(client.id, client.config.root_dir or "?"))
    end
  end
end, {})
