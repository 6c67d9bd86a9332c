// Byline for VS Code: starts `byline lsp` for plain-text and Markdown articles.
//
// By default it runs in workspaces that contain a byline.json (the newsroom's facts file);
// the setting byline.enableEverywhere runs it on every article. The byline.* settings are
// sent as initialization options and, when they change, as workspace/didChangeConfiguration.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel | undefined} */
let output;

/** The `byline` section as the server reads it (protocol.md, "Settings"). */
function serverSettings() {
  const config = vscode.workspace.getConfiguration("byline");
  return {
    diagnostics: config.get("diagnostics", {}),
    highlight: config.get("highlight"),
    speechVerbs: config.get("speechVerbs", []),
    inlayHints: config.get("inlayHints", true),
  };
}

async function shouldRun() {
  if (vscode.workspace.getConfiguration("byline").get("enableEverywhere", false)) {
    return true;
  }
  const found = await vscode.workspace.findFiles("byline.json", "**/node_modules/**", 1);
  return found.length > 0;
}

function createClient() {
  const command = vscode.workspace.getConfiguration("byline").get("path", "byline");
  /** @type {import("vscode-languageclient/node").ServerOptions} */
  const serverOptions = {
    run: { command, args: ["lsp"], transport: TransportKind.stdio },
    debug: { command, args: ["lsp"], transport: TransportKind.stdio },
  };
  /** @type {import("vscode-languageclient/node").LanguageClientOptions} */
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "plaintext" },
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
      { scheme: "file", pattern: "**/byline.json" },
    ],
    initializationOptions: serverSettings(),
    synchronize: {
      configurationSection: "byline",
      fileEvents: vscode.workspace.createFileSystemWatcher("**/byline.json"),
    },
    outputChannel: output,
    traceOutputChannel: output,
  };
  return new LanguageClient("byline", "Byline", serverOptions, clientOptions);
}

async function start() {
  if (client || !(await shouldRun())) {
    return;
  }
  client = createClient();
  try {
    await client.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    vscode.window.showErrorMessage(`Byline could not start (${message}). Is byline.path right?`);
    client = undefined;
  }
}

async function stop() {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop();
  }
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  output = vscode.window.createOutputChannel("Byline");
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("byline.restart", async () => {
      await stop();
      await start();
      output.appendLine("Byline restarted.");
    }),
    vscode.commands.registerCommand("byline.showOutput", () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("byline.path") || event.affectsConfiguration("byline.enableEverywhere")) {
        await stop();
        await start();
      }
    })
  );
  await start();
}

async function deactivate() {
  await stop();
}

module.exports = { activate, deactivate };
