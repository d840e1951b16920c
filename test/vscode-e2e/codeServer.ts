import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, open, writeFile } from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';
import { promisify } from 'node:util';

/** Where install.sh put Node 24 and code-server. */
export interface CodeServerInstall {
  node: string;
  entry: string;
}

/** A fresh home, user-data and extensions folder per run, so nothing from an earlier run or the machine leaks in. */
export interface CodeServerDirs {
  root: string;
  home: string;
  userData: string;
  extensions: string;
  log: string;
}

/** A user settings.json that keeps the screen clean and the network quiet (see shared/design/vscode-e2e.md). */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'typescript.disableAutomaticTypeAcquisition': true,
  'npm.autoDetect': 'off',
  'git.enabled': false,
  'security.workspace.trust.startupPrompt': 'always',
  'files.autoSave': 'afterDelay',
  'files.autoSaveDelay': 200,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'workbench.colorTheme': 'Default Dark Modern',
};

export function codeServerDirs(root: string): CodeServerDirs {
  return {
    root,
    home: path.join(root, 'home'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    log: path.join(root, 'code-server.log'),
  };
}

export async function prepareDirs(dirs: CodeServerDirs): Promise<void> {
  for (const dir of [dirs.home, dirs.extensions, path.join(dirs.userData, 'User')]) await mkdir(dir, { recursive: true });
  await writeFile(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
}

function environment(install: CodeServerInstall, dirs: CodeServerDirs): NodeJS.ProcessEnv {
  return {
    PATH: `${path.dirname(install.node)}:${process.env.PATH ?? ''}`,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    XDG_RUNTIME_DIR: path.join(dirs.home, '.run'),
    LANG: 'C.UTF-8',
  };
}

function commonArgs(dirs: CodeServerDirs): string[] {
  return ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

export async function installExtension(install: CodeServerInstall, dirs: CodeServerDirs, vsix: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    install.node,
    [install.entry, ...commonArgs(dirs), '--install-extension', vsix],
    { env: environment(install, dirs), timeout: 120_000 },
  );
  return stdout.trim();
}

/** Fails when something already listens on the port: a leftover server would answer and silently take the test. */
export async function assertPortFree(port: number): Promise<void> {
  const taken = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
  if (taken) throw new Error(`port ${port} is already in use on 127.0.0.1: stop the process listening there first`);
}

export async function pickFreePort(): Promise<number> {
  const port = await new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
  await assertPortFree(port);
  return port;
}

export class RunningCodeServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  /** Starts code-server in its own session (setsid), so stopping it ends the extension host and the server too. */
  static async start(install: CodeServerInstall, dirs: CodeServerDirs, port: number): Promise<RunningCodeServer> {
    await assertPortFree(port);
    const log = await open(dirs.log, 'a');
    const child = spawn(
      'setsid',
      [
        install.node,
        install.entry,
        ...commonArgs(dirs),
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--auth',
        'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-getting-started-override',
        '--ignore-last-opened',
      ],
      { env: environment(install, dirs), stdio: ['ignore', log.fd, log.fd], detached: false },
    );
    await log.close();
    const server = new RunningCodeServer(child, `http://127.0.0.1:${port}`);
    await server.waitHealthy(60_000);
    return server;
  }

  /** Kills the whole process group: code-server, its extension host and our language server. */
  async stop(): Promise<void> {
    const pid = this.child.pid;
    if (pid === undefined || this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    signalGroup(pid, 'SIGTERM');
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000).unref());
    if ((await Promise.race([exited, timeout])) === 'timeout') signalGroup(pid, 'SIGKILL');
    // The group may outlive its leader for a moment; make sure nothing of it stays behind.
    signalGroup(pid, 'SIGKILL');
  }

  private async waitHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`code-server exited with code ${this.child.exitCode}`);
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`code-server did not answer ${this.url}/healthz within ${timeoutMs / 1000} s`);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}
