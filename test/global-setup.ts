import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** End-to-end tests run the built CLI as a real process, the bundle users run: build it once, first. */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // rolldown lists every chunk on stdout: only its errors are worth showing
  execFileSync(process.execPath, [`${root}node_modules/rolldown/bin/cli.mjs`, '-c'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
