// Starting real `onestop serve` processes for tests and benchmarks: a free port, the process, and
// waiting until /healthz answers.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** Poll `url` until it answers 2xx; throws after `seconds`. */
export async function waitUntilUp(url: string, seconds = 60): Promise<void> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    try { if ((await fetch(url)).ok) return; } catch { /* not listening yet */ }
    if (Date.now() > until) throw new Error(`${url} did not come up within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** `onestop serve` on 127.0.0.1:`port` with the given environment; resolves once it is healthy. */
export async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/onestop.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitUntilUp(`http://127.0.0.1:${port}/healthz`);
  } catch (err) {
    child.kill();
    throw err;
  }
  return child;
}

/** SIGTERM and wait for the exit. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
