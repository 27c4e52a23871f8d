// `npm start`: checks Java, builds the console when its sources changed, then runs the local
// contact center (functions/local/main.ts) in this process tree. Arguments pass through (--reset).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root });

if (run(process.execPath, ['scripts/ensure-java.mjs']).status !== 0) process.exit(1);

const newest = (dir) => {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'e2e') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
};
const index = join(root, 'web/dist/index.html');
if (!existsSync(index) || statSync(index).mtimeMs < newest(join(root, 'web'))) {
  console.log('Building the console (web/)…');
  if (run('npm', ['run', 'build', '-w', '@cc/web', '--silent']).status !== 0) process.exit(1);
}

const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/main.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'WARN', ...process.env },
});
// Ctrl-C reaches the child through the terminal's process group; forward other stops explicitly.
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
process.on('SIGINT', () => undefined);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
