/**
 * `npm run package`: build the Chrome and Firefox extensions for release and zip each for its store into artifacts/.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('manifest.json', 'utf8')) as { version: string };

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

for (const [browser, dir] of [['chrome', 'dist'], ['firefox', 'dist-firefox']] as const) {
  run('npx', ['vite', 'build', '--logLevel', 'warn'], browser === 'firefox' ? { BROWSER: 'firefox' } : {});
  run('npx', [
    'web-ext', 'build', '--source-dir', dir, '--artifacts-dir', 'artifacts', '--overwrite-dest', '--no-input',
    '--filename', `lectern-${browser}-${version}.zip`,
  ]);
}
console.log(`package: artifacts/lectern-chrome-${version}.zip and artifacts/lectern-firefox-${version}.zip`);
