/**
 * Launch Debian's firefox-esr headless with a fresh profile kept off the network, and drive it over WebDriver BiDi
 * with Node's built-in WebSocket (no Playwright: its Firefox driver needs Playwright's patched Firefox).
 * The extension is installed as a temporary add-on with BiDi `webExtension.install`, like about:debugging does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];

export function firefoxPath(): string {
  const found = [process.env.FIREFOX_PATH, ...FIREFOX_CANDIDATES].find((p): p is string => Boolean(p && existsSync(p)));
  if (!found) throw new Error('firefox-esr is not installed: run `apt-get install -y firefox-esr` (or set FIREFOX_PATH).');
  return found;
}

/** Prefs that keep a test profile quiet and off the network: no updates, telemetry, portal checks or remote lists. */
const PREFS: Record<string, string | number | boolean> = {
  'app.update.disabledForTesting': true,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.page': 0,
  'browser.startup.homepage_override.mstone': 'ignore',
  'startup.homepage_welcome_url': 'about:blank',
  'browser.newtabpage.enabled': false,
  'browser.aboutwelcome.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.region.network.url': '',
  'browser.search.geoip.url': '',
  'browser.topsites.contile.enabled': false,
  'browser.urlbar.suggest.searches': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': 'data:,',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'services.settings.server': 'data:,',
  'messaging-system.rsexperimentloader.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'media.gmp-manager.url': 'data:,',
  'media.gmp-provider.enabled': false,
  'identity.fxaccounts.enabled': false,
};

function userJs(extra: Record<string, string | number | boolean> = {}): string {
  return Object.entries({ ...PREFS, ...extra }).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n') + '\n';
}

type Json = Record<string, unknown>;

export interface BiDiEvent {
  method: string;
  params: Json;
}

/** A minimal WebDriver BiDi client: commands are matched to responses by id; events go to listeners. */
export class BiDi {
  private next = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; method: string }>();
  private readonly listeners = new Set<(event: BiDiEvent) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.addEventListener('message', (m: MessageEvent) => {
      const msg = JSON.parse(String(m.data)) as { id?: number; type?: string; result?: unknown; error?: string; message?: string; method?: string; params?: Json };
      if (msg.id !== undefined) {
        const call = this.pending.get(msg.id);
        if (!call) return;
        this.pending.delete(msg.id);
        if (msg.type === 'error') call.reject(new Error(`${call.method}: ${msg.error}: ${msg.message}`));
        else call.resolve(msg.result);
      } else if (msg.method) {
        for (const listener of this.listeners) listener({ method: msg.method, params: msg.params ?? {} });
      }
    });
    ws.addEventListener('close', () => {
      for (const call of this.pending.values()) call.reject(new Error(`${call.method}: BiDi connection closed`));
      this.pending.clear();
    });
  }

  static async connect(url: string): Promise<BiDi> {
    if (typeof WebSocket === 'undefined') {
      throw new Error('This Node has no global WebSocket: Node 20 needs NODE_OPTIONS=--experimental-websocket (npm run test:e2e sets it).');
    }
    const ws = new WebSocket(url);
    await new Promise<void>((ok, fail) => {
      ws.addEventListener('open', () => ok(), { once: true });
      ws.addEventListener('error', () => fail(new Error(`cannot connect to ${url}`)), { once: true });
    });
    return new BiDi(ws);
  }

  send<T = Json>(method: string, params: Json = {}, timeoutMs = 30_000): Promise<T> {
    const id = this.next++;
    return new Promise<T>((ok, fail) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        fail(new Error(`${method}: no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (v) => (clearTimeout(timer), ok(v as T)),
        reject: (e) => (clearTimeout(timer), fail(e)),
      });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  on(listener: (event: BiDiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Wait for the first event that `match` accepts. */
  waitFor(match: (event: BiDiEvent) => boolean, timeoutMs = 15_000, what = 'event'): Promise<BiDiEvent> {
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => (off(), fail(new Error(`no ${what} in ${timeoutMs} ms`))), timeoutMs);
      const off = this.on((event) => {
        if (match(event)) {
          clearTimeout(timer);
          off();
          ok(event);
        }
      });
    });
  }

  close(): void {
    this.ws.close();
  }
}

/** A BiDi remote value turned back into plain JSON (objects, arrays, primitives). */
export function deserialize(value: unknown): unknown {
  const v = value as { type: string; value?: unknown };
  switch (v.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return v.value;
    case 'number':
      return typeof v.value === 'string' ? Number(v.value) : v.value;
    case 'array':
      return (v.value as unknown[]).map(deserialize);
    case 'object':
      return Object.fromEntries((v.value as Array<[string, unknown]>).map(([k, x]) => [k, deserialize(x)]));
    default:
      return `[${v.type}]`;
  }
}

export interface LecternFirefox {
  bidi: BiDi;
  /** The add-on id the browser reported at install. */
  addonId: string;
  /** Firefox's process id (to find its X window with `xdotool search --pid`). */
  pid: number;
  /** Everything Firefox wrote to stdout and stderr (tests show it when something fails). */
  log: string[];
  /**
   * Evaluate an expression (awaited) in a browsing context and return its value as JSON. Throws with the page's
   * exception text when it throws.
   */
  evaluate<T = unknown>(context: string, expression: string): Promise<T>;
  close(): Promise<void>;
}

async function waitForPort(log: string[], child: ChildProcess, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const url = log.join('').match(/WebDriver BiDi listening on (ws:\/\/[\d.]+:\d+)/)?.[1];
    if (url) return url;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`firefox-esr did not start WebDriver BiDi:\n${log.join('')}`);
}

export interface FirefoxLaunchOptions {
  /**
   * Run headed on this X display (for example `:99` from scripts/lib/xvfb.ts) instead of `--headless`: the only way
   * real key presses (xdotool) reach Firefox's shortcuts and toolbar popup.
   */
  display?: string;
  /** Preferences over the defaults above (e.g. `extensions.webextOptionalPermissionPrompts`). */
  prefs?: Record<string, string | number | boolean>;
}

/** Launch firefox-esr (headless unless given a display), open a BiDi session and install `distDir` as a temporary add-on. */
export async function launchFirefoxWithExtension(distDir: string, options: FirefoxLaunchOptions = {}): Promise<LecternFirefox> {
  const dist = resolve(distDir);
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} has no manifest.json: build the extension first.`);
  const binary = firefoxPath();
  const profile = mkdtempSync(join(tmpdir(), 'lectern-firefox-'));
  writeFileSync(join(profile, 'user.js'), userJs(options.prefs));
  const log: string[] = [];
  const headed = options.display !== undefined;
  const args = [...(headed ? [] : ['--headless']), '--no-remote', '--profile', profile, '--remote-debugging-port=0', 'about:blank'];
  const env: NodeJS.ProcessEnv = { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' };
  if (headed) {
    // X11 on the given display, nothing that would make Firefox headless or pick Wayland.
    env.DISPLAY = options.display;
    env.MOZ_ENABLE_WAYLAND = '0';
    delete env.MOZ_HEADLESS;
    delete env.WAYLAND_DISPLAY;
  }
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  child.stdout.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr.on('data', (d: Buffer) => log.push(d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(profile, { recursive: true, force: true });
  };

  try {
    const url = await waitForPort(log, child, 30_000);
    const bidi = await BiDi.connect(`${url}/session`);
    await bidi.send('session.new', { capabilities: {} });
    const { extension } = await bidi.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path: dist } });
    return {
      bidi,
      addonId: extension,
      pid: child.pid!,
      log,
      async evaluate<T>(context: string, expression: string): Promise<T> {
        // JSON in the page: values from extension APIs do not always serialize as BiDi remote values.
        const r = await bidi.send<{ type: string; result?: unknown; exceptionDetails?: { text: string } }>('script.evaluate', {
          expression: `Promise.resolve(${expression}).then((v) => v === undefined ? undefined : JSON.stringify(v))`,
          target: { context },
          awaitPromise: true,
          resultOwnership: 'none',
          serializationOptions: { maxObjectDepth: 20 },
        });
        if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails?.text ?? 'exception'} (evaluating ${expression.slice(0, 120)})`);
        const json = deserialize(r.result);
        return (typeof json === 'string' ? JSON.parse(json) : undefined) as T;
      },
      async close() {
        await bidi.send('session.end', {}, 5_000).catch(() => undefined);
        bidi.close();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
