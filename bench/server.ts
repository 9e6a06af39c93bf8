// Pieces the HTTP benchmarks share: starting a server as a child process, reading its CPU time, medians.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/** Starts `node <args>` in `cwd` listening on `port`, and waits until it answers on `probe`. */
export async function start(args: string[], env: Record<string, string>, port: number, opts: { cwd: string; probe?: string }): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: opts.cwd, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited with ${child.exitCode}`);
    try { await fetch(`http://127.0.0.1:${port}${opts.probe ?? '/'}`); return child; } catch { await new Promise((r) => setTimeout(r, 200)); }
  }
  throw new Error(`server on ${port} did not start`);
}

/**
 * CPU time (user + system) of a process and its children so far (a server of several processes: WORKERS), in
 * microseconds; undefined where /proc is missing.
 */
export function cpuMicros(pid: number | undefined): number | undefined {
  const stat = (p: number | string) => fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
  try {
    const own = stat(pid!);
    let ticks = Number(own[11]) + Number(own[12]);
    for (const p of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(p)) continue;
      try {
        const f = stat(p);
        if (Number(f[1]) === pid) ticks += Number(f[11]) + Number(f[12]);
      } catch { /* gone */ }
    }
    return ticks * (1e6 / 100); // USER_HZ is 100 on Linux
  } catch { return undefined; }
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
