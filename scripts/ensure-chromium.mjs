// Checks for Debian's Chromium at /usr/bin/chromium (the browser tests drive it through
// playwright-core) and installs it with apt-get when running as root; otherwise prints the exact
// command and fails. It never downloads a browser build of its own.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
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
/**
 * Parallel test files each make sure of the browser: one installs while the others wait for it, instead of all
 * fighting over apt's lock. A lock left by a killed run is taken over after ten minutes.
 */
function installOnce(install) {
  const lock = '/tmp/cc-ensure-chromium.lock';
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (chromiumWorks()) return true;
      try {
        if (Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch { /* gone meanwhile */ }
      if (Date.now() > deadline) return false;
      spawnSync('sleep', ['2']);
    }
  }
  try {
    return chromiumWorks() || install();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (isRoot && hasApt) {
  if (installOnce(() => {
    console.log(`Chromium not found at ${executable}; installing it for the browser tests: ${command}`);
    const install = spawnSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return install.status === 0 && chromiumWorks();
  })) process.exit(0);
  console.error('Installing Chromium failed; see the output above.');
  process.exit(1);
}
console.error(`The browser tests need Chromium at ${executable}, and it was not found.\nInstall it, e.g. on Debian/Ubuntu:\n  sudo ${command}`);
process.exit(1);
