//! Byline for Zed: runs `byline lsp` from the PATH (or the path in the `lsp.byline.binary`
//! setting) for Markdown and plain-text articles, and passes the `byline` settings.
use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

struct Byline;

impl zed::Extension for Byline {
    fn new() -> Self {
        Byline
    }

    fn language_server_command(&mut self, id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        let settings = LspSettings::for_worktree(id.as_ref(), worktree).ok();
        let configured = settings.as_ref().and_then(|s| s.binary.as_ref()).and_then(|b| b.path.clone());
        let command = match configured {
            Some(path) => path,
            None => worktree.which("byline").ok_or("byline is not on the PATH; build it and add .build/release to PATH")?,
        };
        Ok(zed::Command { command, args: vec!["lsp".into()], env: Default::default() })
    }

    fn language_server_initialization_options(
        &mut self,
        id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree(id.as_ref(), worktree).ok().and_then(|s| s.initialization_options))
    }

    fn language_server_workspace_configuration(
        &mut self,
        id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree(id.as_ref(), worktree).ok().and_then(|s| s.settings))
    }
}

zed::register_extension!(Byline);
