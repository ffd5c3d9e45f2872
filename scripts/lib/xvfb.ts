/**
 * A private X server (Xvfb) for headed browser tests, and real key presses into it with xdotool (XTEST: the X server
 * sees them as typed on a keyboard, so they reach what a browser keeps from scripts: shortcuts, the toolbar popup).
 * Both come from Debian (`apt-get install -y xvfb xdotool`); `.ci/run` installs them on a fresh machine.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

export const XVFB = '/usr/bin/Xvfb';
export const XDOTOOL = '/usr/bin/xdotool';

/** Throws, naming what to install, when Xvfb or xdotool is missing: tests that need them fail, never skip. */
export function requireXTools(): void {
  const missing = [XVFB, XDOTOOL].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(' and ')} not found: real-key Firefox tests need an X server and xdotool. ` +
        'Run `.ci/run` (it installs them on a fresh machine) or `apt-get install -y xvfb xdotool`.',
    );
  }
}

export interface Xvfb {
  /** The display, as `DISPLAY` wants it (`:N`). */
  display: string;
  /** Everything Xvfb wrote to stderr. */
  log: string[];
  /** Run xdotool on this display; resolves with its stdout. */
  xdotool(args: string[], timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

/**
 * Start Xvfb on a free display: `-displayfd` makes the server pick the first free number itself and print it once it
 * accepts connections (no guessed numbers, no race with other X servers on the machine). No TCP, no access control
 * beyond the local socket.
 */
export async function startXvfb(screen = '1280x900x24', timeoutMs = 30_000): Promise<Xvfb> {
  requireXTools();
  const log: string[] = [];
  const child = spawn(XVFB, ['-displayfd', '1', '-screen', '0', screen, '-nolisten', 'tcp', '-ac', '+extension', 'XTEST'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.stderr.on('data', (d: Buffer) => log.push(d.toString()));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  let out = '';
  try {
    const number = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`Xvfb printed no display number in ${timeoutMs} ms:\n${log.join('')}`)), timeoutMs);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = out.match(/^(\d+)\n/);
        if (m) {
          clearTimeout(timer);
          ok(m[1]!);
        }
      });
      void exited.then(() => (clearTimeout(timer), fail(new Error(`Xvfb exited (${child.exitCode ?? child.signalCode}):\n${log.join('')}`))));
    });
    const display = `:${number}`;
    return {
      display,
      log,
      async xdotool(args, timeout = 30_000) {
        const { stdout } = await promisify(execFile)(XDOTOOL, args, { env: { ...process.env, DISPLAY: display }, timeout });
        return stdout;
      },
      close: stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
