// Checks for Debian's Chromium at /usr/bin/chromium (the browser tests drive it through
// playwright-core) and installs it with apt-get when running as root; otherwise prints the exact
// command and fails. It never downloads a browser build of its own.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const executable = '/usr/bin/chromium';

/** Whether the browser is there and starts. */
function chromiumWorks() {
  if (!existsSync(executable)) return false;
  const result = spawnSync(executable, ['--version'], { encoding: 'utf8' });
  return !result.error && result.status === 0;
}

if (chromiumWorks()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
const command = 'apt-get update && apt-get install -y chromium';
if (isRoot && hasApt) {
  console.log(`Chromium not found at ${executable}; installing it for the browser tests: ${command}`);
  const install = spawnSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (install.status === 0 && chromiumWorks()) process.exit(0);
  console.error('Installing Chromium failed; see the output above.');
  process.exit(1);
}
console.error(`The browser tests need Chromium at ${executable}, and it was not found.\nInstall it, e.g. on Debian/Ubuntu:\n  sudo ${command}`);
process.exit(1);
