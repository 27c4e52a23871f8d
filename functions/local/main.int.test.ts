import { describe, expect, it } from 'vitest';
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from './dynamodb-local.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `main.ts` as `npm start` does and resolves once it printed its banner. */
function start(dataDir: string, port: number, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, CC_DATA_DIR: dataDir, PORT: String(port), POWERTOOLS_LOG_LEVEL: 'SILENT', CC_DEMO_PAST: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner in 90 s:\n${output}`)), 90_000);
    child.stdout!.on('data', () => output.includes('Press Ctrl-C') && (clearTimeout(timer), resolve(output)));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`exited ${code}:\n${output}`))));
  });
  return { child, ready };
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
const javaProcessesFor = (dataDir: string) => {
  try {
    return execSync(`pgrep -f -- "-[d]bPath ${join(dataDir, 'dynamodb')}"`, { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};

describe('npm start (functions/local/main.ts)', () => {
  it('starts healthy, prints the logins, keeps data across a restart and stops Java on Ctrl-C', { timeout: 240_000 }, async () => {
    // Arrange
    const dataDir = mkdtempSync(join(tmpdir(), 'cc-start-'));
    const port = await findFreePort();
    // Act: first start
    const first = start(dataDir, port);
    const banner = await first.ready;
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'));
    first.child.kill('SIGINT');
    const firstExit = await exited(first.child);
    // Assert: healthy, logins printed, clean stop with no orphan Java
    expect(health.status).toBe(200);
    expect(demo.users).toHaveLength(6);
    expect(banner).toContain(demo.users[0].password);
    expect(firstExit).toBe(0);
    expect(javaProcessesFor(dataDir)).toBe('');

    // Act: restart on the same data
    const second = start(dataDir, port);
    await second.ready;
    const again = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'));
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: demo.users[2].login, password: demo.users[2].password }) });
    second.child.kill('SIGTERM');
    await exited(second.child);
    // Assert: same logins and secrets, and they still work
    expect(again.users).toEqual(demo.users);
    expect(again.channels).toEqual(demo.channels);
    expect(login.status).toBe(200);
    expect(existsSync(join(dataDir, 'stream-checkpoints.json'))).toBe(true);
  });
});
