// Checks for Java 17+ (DynamoDB Local needs it) and installs Debian's openjdk-17-jre-headless when
// running as root with apt-get; otherwise prints the exact command and fails.
import { spawnSync } from 'node:child_process';

function javaMajor() {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return 0;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
  if (!match) return 0;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

const required = 17;
if (javaMajor() >= required) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
const command = 'apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless';
if (isRoot && hasApt) {
  console.log(`Java ${required}+ not found; installing it for DynamoDB Local: ${command}`);
  const install = spawnSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (install.status === 0 && javaMajor() >= required) process.exit(0);
  console.error('Installing Java failed; see the output above.');
  process.exit(1);
}
console.error(`DynamoDB Local needs Java ${required} or newer, and it was not found.\nInstall it, e.g. on Debian/Ubuntu:\n  sudo ${command}\nor on macOS:\n  brew install openjdk@17`);
process.exit(1);
