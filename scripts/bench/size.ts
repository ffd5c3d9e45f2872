/**
 * Size: gzip bytes of what the built extension (dist/) loads: the injected content script, and the popup / side panel
 * JavaScript (the scripts each src/ui/<surface>/index.html references, followed through their static and dynamic
 * imports), also as "first paint" (static imports only: what runs before the view shows), and the bundled font files
 * per family (woff2, already compressed: a view fetches only the files its text needs, when that font is chosen). The extension is built fresh with the project's own Vite config into out/bench/dist/, so the numbers are
 * those of the working tree and the shared dist/ is left alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './quality';

export interface SizeEntry {
  name: string;
  files: string[];
  raw: number;
  gzip: number;
}

export interface SizeReport {
  dist: string;
  entries: SizeEntry[];
}

const CONTENT_SCRIPT = join('src', 'content', 'content-script.js');

function gzipBytes(buf: Buffer): number {
  return gzipSync(buf, { level: 9 }).length;
}

/**
 * The JS files `file` imports (static `from "..."`, side-effect `import "..."`, and unless `dynamic` is false,
 * dynamic `import("...")` or `import(\`...\`)`).
 */
export function importsOf(file: string, distDir: string, dynamic = true): string[] {
  const source = readFileSync(file, 'utf8');
  const found = new Set<string>();
  // Rolldown writes a dynamic import's path as a template literal: import(`./x.js`).
  const re = dynamic ? /(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]([^"'`]+\.js)["'`]/g : /(?:\bfrom\s*|\bimport\s*)["'`]([^"'`]+\.js)["'`]/g;
  for (const m of source.matchAll(re)) {
    const spec = m[1] as string;
    const target = spec.startsWith('/') ? join(distDir, spec) : resolve(dirname(file), spec);
    if (existsSync(target)) found.add(target);
  }
  return [...found];
}

function closure(entries: string[], distDir: string, dynamic = true): string[] {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...importsOf(file, distDir, dynamic));
  }
  return [...seen].sort();
}

function htmlScripts(html: string, file: string, distDir: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="([^"]+\.js)"/g)) {
    const spec = m[1] as string;
    const target = spec.startsWith('/') ? join(distDir, spec) : resolve(dirname(file), spec);
    if (existsSync(target)) out.push(target);
  }
  return out;
}

function entry(name: string, files: string[], distDir: string, dynamic = true): SizeEntry {
  const all = closure(files, distDir, dynamic);
  const bufs = all.map((f) => readFileSync(f));
  return {
    name,
    files: all.map((f) => relative(distDir, f)),
    raw: bufs.reduce((a, b) => a + b.length, 0),
    // Each file travels (and is stored) on its own, so each is gzipped on its own.
    gzip: bufs.reduce((a, b) => a + gzipBytes(b), 0),
  };
}

/** One row per bundled font family: its woff2 files (every subset, weight and style) as emitted. */
export function fontEntries(distDir: string): SizeEntry[] {
  const assets = join(distDir, 'assets');
  if (!existsSync(assets)) return [];
  const families = new Map<string, string[]>();
  for (const name of readdirSync(assets).sort()) {
    const m = /^(.+?)-latin(?:-ext)?-\d{3}-(?:normal|italic)-[\w-]+\.woff2$/.exec(name);
    if (m) families.set(m[1]!, [...(families.get(m[1]!) ?? []), join(assets, name)]);
  }
  return [...families].map(([family, files]) => {
    const bufs = files.map((f) => readFileSync(f));
    return {
      name: `font ${family} (woff2)`,
      files: files.map((f) => relative(distDir, f)),
      raw: bufs.reduce((a, b) => a + b.length, 0),
      gzip: bufs.reduce((a, b) => a + gzipBytes(b), 0),
    };
  });
}

/** The popup's first-paint JavaScript, gzipped (#27: "the popup's first-paint JavaScript stays within ... 35 KB gzip"). */
export const FIRST_PAINT_BUDGET = 35 * 1024;

/** The budget an entry is held to, if any: the popup's first paint (the side panel and tab show their sizes only). */
export function budgetOf(entry: SizeEntry): number | null {
  return entry.name === 'popup JS, first paint' ? FIRST_PAINT_BUDGET : null;
}

export const SIZE_DIST = join(ROOT, 'out', 'bench', 'dist');

/** Build the extension into `distDir` (production variant) and measure it; `build: false` measures what is there. */
export function measureSize(distDir = SIZE_DIST, build = true): SizeReport {
  if (build) {
    execFileSync('npx', ['vite', 'build', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      env: { ...process.env, E2E: '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const entries: SizeEntry[] = [];
  if (existsSync(join(distDir, CONTENT_SCRIPT))) entries.push(entry('content script', [join(distDir, CONTENT_SCRIPT)], distDir));
  const uiDir = join(distDir, 'src', 'ui');
  if (existsSync(uiDir)) {
    for (const surface of readdirSync(uiDir).sort()) {
      const html = join(uiDir, surface, 'index.html');
      if (!statSync(join(uiDir, surface)).isDirectory() || !existsSync(html)) continue;
      const scripts = htmlScripts(readFileSync(html, 'utf8'), html, distDir);
      entries.push(entry(`${surface} JS`, scripts, distDir));
      entries.push(entry(`${surface} JS, first paint`, scripts, distDir, false));
    }
  }
  entries.push(...fontEntries(distDir));
  return { dist: distDir, entries };
}
