// The cablelint extension: starts `cablelint lsp` for `cable` documents through vscode-languageclient, keeps
// the server's settings in step with the `cablelint.*` configuration, and adds the restart / fix-all / log
// commands and a status bar item showing the server's state.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  DidChangeConfigurationNotification,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  ResponseError,
  RevealOutputChannelOn,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('cablelint');

/** The settings object the server reads, as initialization options and from `workspace/configuration`. */
export interface ServerSettings {
  select?: string[];
  ignore: string[];
  severity: Record<string, string>;
  requireHeader: boolean;
}

type ServerState = 'starting' | 'running' | 'stopped' | 'error';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let statusItem: vscode.StatusBarItem;
let serverState: ServerState = 'stopped';
let lastError = '';
/** The command the server was last started with (for the status bar and the end-to-end self-test). */
let serverCommandInUse = '';

/** Reads the server settings for a scope (a document or workspace folder) from the `cablelint` section. */
export function serverSettings(scope?: vscode.ConfigurationScope): ServerSettings {
  const cfg = vscode.workspace.getConfiguration('cablelint', scope);
  const settings: ServerSettings = {
    ignore: cfg.get<string[]>('ignore') ?? [],
    severity: cfg.get<Record<string, string>>('severity') ?? {},
    requireHeader: cfg.get<boolean>('requireHeader') ?? false,
  };
  const select = cfg.get<string[] | null>('select');
  if (Array.isArray(select)) {
    settings.select = select;
  }
  return settings;
}

/**
 * Returns the path of the binary a platform `.vsix` carries (`server/cablelint`, `server/cablelint.exe` on
 * Windows), or undefined when this copy of the extension has none (the universal `.vsix`).
 */
function bundledServer(context: vscode.ExtensionContext): string | undefined {
  const p = path.join(context.extensionPath, 'server', process.platform === 'win32' ? 'cablelint.exe' : 'cablelint');
  return fs.existsSync(p) ? p : undefined;
}

/**
 * Returns the server command: `cablelint.path` from the user's settings (with `~` and
 * `${workspaceFolder}` expanded) when it is set, else the binary bundled in a platform `.vsix`, else
 * `cablelint` looked up on `PATH`. A workspace's or folder's settings never choose the program: the
 * setting has `machine` scope and only its user value is read (a repository's `.vscode/settings.json`
 * could otherwise run any program it carries). In an untrusted workspace a user path that points
 * into the workspace is not used either.
 */
function serverCommand(context: vscode.ExtensionContext): string {
  let p = (vscode.workspace.getConfiguration('cablelint').inspect<string>('path')?.globalValue ?? '').trim();
  const fallback = () => bundledServer(context) ?? 'cablelint';
  if (!p) {
    return fallback();
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  const inWorkspace = p.includes('${workspaceFolder}') || (!path.isAbsolute(p) && !p.startsWith('~') && p.includes(path.sep));
  if (inWorkspace && !vscode.workspace.isTrusted) {
    output.warn(`cablelint.path ${p} points into this untrusted workspace; using ${fallback()}`);
    return fallback();
  }
  p = p.replace(/\$\{workspaceFolder\}/g, folder);
  if (p === '~' || p.startsWith('~/')) {
    p = path.join(os.homedir(), p.slice(1));
  }
  if (!path.isAbsolute(p) && folder && p.includes(path.sep)) {
    p = path.join(folder, p);
  }
  return p;
}

/** Whether a bare command name is found on `PATH` as an executable file. */
function onPath(command: string): boolean {
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE').split(';') : [''];
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) =>
    exts.some((ext) => {
      try {
        fs.accessSync(path.join(dir, command + ext), fs.constants.X_OK);
        return fs.statSync(path.join(dir, command + ext)).isFile();
      } catch {
        return false;
      }
    }),
  );
}

/** Shows one error about the server with the actions that help, and runs the one chosen. */
function showServerError(message: string, context: vscode.ExtensionContext, withRestart: boolean): void {
  const actions = withRestart ? ['Restart Server', 'Show Log'] : ['Open Settings', 'Show Log'];
  void vscode.window.showErrorMessage(`cablelint: ${message}`, ...actions).then((choice) => {
    if (choice === 'Open Settings') {
      // cablelint.path has `machine` scope: in a remote window (SSH, containers, code-server) it is a
      // setting of the remote machine, shown on the Remote tab, not the User one.
      const command = vscode.env.remoteName ? 'workbench.action.openRemoteSettings' : 'workbench.action.openSettings';
      void vscode.commands.executeCommand(command, { query: 'cablelint.path' });
    } else if (choice === 'Show Log') {
      output.show(true);
    } else if (choice === 'Restart Server') {
      void restartServer(context);
    }
  });
}

/**
 * Restarts a crashed server up to 4 times in 3 minutes, as vscode-languageclient does, then stops and
 * shows one error with a Restart Server button (instead of the client's own message, which has none).
 */
class CrashHandler implements ErrorHandler {
  private crashes: number[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    return { action: count && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes = this.crashes.filter((t) => now - t < 3 * 60 * 1000);
    this.crashes.push(now);
    if (this.crashes.length <= 4) {
      return { action: CloseAction.Restart, handled: true };
    }
    lastError = `the server stopped unexpectedly ${this.crashes.length} times in 3 minutes and was not restarted.`;
    setState('error', lastError);
    showServerError(lastError, this.context, true);
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

function setState(state: ServerState, detail = ''): void {
  serverState = state;
  const icon = { starting: '$(sync~spin)', running: '$(check)', stopped: '$(circle-slash)', error: '$(error)' }[state];
  statusItem.text = `${icon} cablelint`;
  const version = client?.initializeResult?.serverInfo?.version;
  statusItem.tooltip = `cablelint server: ${state}${version ? ` (version ${version})` : ''}${detail ? `\n${detail}` : ''}\nClick to show the server log.`;
  statusItem.backgroundColor =
    state === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  statusItem.show();
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const command = serverCommand(context);
  serverCommandInUse = command;
  const missing = path.isAbsolute(command) ? !fs.existsSync(command) : !command.includes(path.sep) && !onPath(command);
  if (missing) {
    lastError = path.isAbsolute(command)
      ? `cablelint.path points to ${command}, which does not exist.`
      : `the cablelint binary was not found on PATH; set cablelint.path in your user settings to the binary.`;
    output.error(lastError);
    setState('error', lastError);
    showServerError(lastError, context, false);
    return;
  }
  const serverOptions: ServerOptions = {
    command,
    args: ['lsp'],
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'cable' },
      { scheme: 'untitled', language: 'cable' },
    ],
    initializationOptions: serverSettings(),
    outputChannel: output,
    traceOutputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: new CrashHandler(context),
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/cablelint.toml'),
    },
    middleware: {
      workspace: {
        // The server pulls the `cablelint` section; it gets the settings object, not the raw section
        // (which also holds client-only keys such as `path` and `trace`).
        configuration: async (params, token, next) => {
          const answer = await next(params, token);
          if (answer instanceof ResponseError) {
            return answer;
          }
          return params.items.map((item, i) =>
            item.section === 'cablelint'
              ? serverSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)
              : answer[i],
          );
        },
      },
    },
  };
  const c = new LanguageClient('cablelint', 'cablelint', serverOptions, clientOptions);
  client = c;
  c.onDidChangeState((e) => {
    if (c !== client) {
      return;
    }
    if (e.newState === State.Running) {
      setState('running');
    } else if (e.newState === State.Starting) {
      setState('starting');
    } else if (serverState !== 'error') {
      setState('stopped');
    }
  });
  setState('starting', `command: ${command} lsp`);
  try {
    await c.start();
    lastError = '';
    setState('running', `command: ${command} lsp`);
  } catch (e) {
    lastError = `could not start "${command} lsp": ${e instanceof Error ? e.message : String(e)}`;
    output.error(lastError);
    setState('error', lastError);
    showServerError(lastError, context, false);
  }
  context.subscriptions.push({ dispose: () => void c.dispose() });
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(5000);
    } catch (e) {
      output.warn(`stopping the server: ${String(e)}`);
    }
  }
  setState('stopped');
}

async function restartServer(context: vscode.ExtensionContext): Promise<void> {
  output.info('restarting the server');
  await stopClient();
  await startClient(context);
}

/**
 * Applies the server's `source.fixAll.cablelint` action to the active cable. Returns whether an edit was
 * applied.
 */
async function fixAll(): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'cable') {
    void vscode.window.showInformationMessage('cablelint: open a cable to fix.');
    return false;
  }
  const doc = editor.document;
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      whole,
      FIX_ALL_KIND.value,
    )) ?? [];
  const action = actions.find((a) => a.kind && FIX_ALL_KIND.contains(a.kind));
  if (!action || (!action.edit && !action.command)) {
    void vscode.window.setStatusBarMessage('cablelint: nothing to fix', 3000);
    return false;
  }
  let applied = false;
  if (action.edit) {
    applied = await vscode.workspace.applyEdit(action.edit);
  }
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    applied = true;
  }
  return applied;
}

/** Gives the `cable` language to open documents that match `cablelint.extraGlobs`. */
function applyExtraGlobs(doc: vscode.TextDocument): void {
  if (doc.languageId === 'cable' || doc.uri.scheme !== 'file') {
    return;
  }
  const globs = vscode.workspace.getConfiguration('cablelint').get<string[]>('extraGlobs') ?? [];
  if (globs.some((pattern) => vscode.languages.match({ pattern }, doc) > 0)) {
    void vscode.languages.setTextDocumentLanguage(doc, 'cable');
  }
}

export interface Api {
  state(): ServerState;
  fixAll(): Promise<boolean>;
  /** The server command last started: `cablelint.path`, the bundled binary, or `cablelint`. */
  serverCommand(): string;
}

export async function activate(context: vscode.ExtensionContext): Promise<Api> {
  output = vscode.window.createOutputChannel('cablelint', { log: true });
  statusItem = vscode.window.createStatusBarItem('cablelint.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'cablelint';
  statusItem.command = 'cablelint.showLog';
  context.subscriptions.push(output, statusItem);

  context.subscriptions.push(
    vscode.commands.registerCommand('cablelint.restartServer', () => restartServer(context)),
    vscode.commands.registerCommand('cablelint.fixAll', fixAll),
    vscode.commands.registerCommand('cablelint.showLog', () => output.show(true)),
    vscode.workspace.onDidOpenTextDocument(applyExtraGlobs),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('cablelint.path')) {
        void restartServer(context);
        return;
      }
      if (e.affectsConfiguration('cablelint.extraGlobs')) {
        vscode.workspace.textDocuments.forEach(applyExtraGlobs);
      }
      if (
        client?.isRunning() &&
        ['select', 'ignore', 'severity', 'requireHeader'].some((k) => e.affectsConfiguration(`cablelint.${k}`))
      ) {
        // The server re-reads the section with workspace/configuration; the object is sent as well for
        // servers that read the notification's payload.
        void client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: { cablelint: serverSettings() },
        });
      }
    }),
  );
  vscode.workspace.textDocuments.forEach(applyExtraGlobs);

  await startClient(context);

  const api: Api = { state: () => serverState, fixAll, serverCommand: () => serverCommandInUse };
  if (process.env.CABLELINT_E2E_OUT && process.env.CABLELINT_E2E_SCENARIO) {
    // An end-to-end scenario of .ci/e2e/vscode/workspaces.js.
    const { runScenario } = await import('./e2e_workspace');
    void runScenario(process.env.CABLELINT_E2E_OUT, process.env.CABLELINT_E2E_SCENARIO, api);
  } else if (process.env.CABLELINT_E2E_OUT) {
    // End-to-end self-test, only when the test harness sets CABLELINT_E2E_OUT (see .ci/e2e/vscode.sh).
    const { runSelfTest } = await import('./e2e');
    void runSelfTest(process.env.CABLELINT_E2E_OUT, process.env.CABLELINT_E2E_CASES ?? '', api);
  }
  return api;
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
