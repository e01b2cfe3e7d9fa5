// Child processes of the API benchmark and what it reads about them. The broker and the console
// each run in their own process so that each one's memory can be read on its own; both are started
// through launchers (npx and tsx for the broker, scripts/start.mjs for the console) that spawn the
// real Node process as a child, so the RSS must be read from that descendant, not from the pid
// spawn() returns. Children are started in their own process group and stopped by that group's id,
// so a launcher's own children never outlive a run.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import net from 'node:net';

export interface Service {
  /** The pid spawn() returned (a launcher). */
  launcher: number;
  child: ChildProcess;
  /** Everything the process printed so far (for start-up lines and failure reports). */
  output(): string;
  stop(): Promise<void>;
}

export function startService(command: string, args: string[], env: NodeJS.ProcessEnv): Service {
  const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (chunk: Buffer) => {
    out += chunk.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    launcher: child.pid!,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const group = -child.pid!;
      try {
        process.kill(group, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(group, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resolves with the first match of `pattern` in the service's output; rejects if it exits first. */
export function waitForOutput(s: Service, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = s.output().match(pattern);
      if (m) done(() => resolve(m));
    };
    const onExit = () => done(() => reject(new Error(`process exited before printing ${pattern}:\n${s.output().slice(-2_000)}`)));
    const timer = setTimeout(() => done(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${s.output().slice(-2_000)}`))), timeoutMs);
    const done = (then: () => void) => {
      clearTimeout(timer);
      s.child.stdout!.off('data', check);
      s.child.stderr!.off('data', check);
      s.child.off('exit', onExit);
      then();
    };
    s.child.stdout!.on('data', check);
    s.child.stderr!.on('data', check);
    s.child.once('exit', onExit);
    check();
  });
}

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function isNode(pid: number): boolean {
  try {
    return readlinkSync(`/proc/${pid}/exe`) === process.execPath;
  } catch {
    return false;
  }
}

/** The Node process doing the work under a launcher: the deepest Node process among its
 * descendants (npx, tsx and start.mjs each spawn the next Node process; tsx's esbuild service is
 * not Node). With several at that depth, the one using the most memory. */
export function workerPid(launcher: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent === null) continue;
    const list = children.get(parent);
    if (list) list.push(pid);
    else children.set(parent, [pid]);
  }
  let deepest: { pid: number; depth: number }[] = [];
  const walk = (pid: number, depth: number) => {
    if (isNode(pid)) {
      if (deepest.length === 0 || depth > deepest[0]!.depth) deepest = [{ pid, depth }];
      else if (depth === deepest[0]!.depth) deepest.push({ pid, depth });
    }
    for (const k of children.get(pid) ?? []) walk(k, depth + 1);
  };
  walk(launcher, 0);
  if (deepest.length === 0) throw new Error(`no Node process under pid ${launcher}`);
  return deepest.map(({ pid }) => ({ pid, rss: memoryOf(pid).rss })).sort((a, b) => b.rss - a.rss)[0]!.pid;
}

/** Resident and peak resident memory of a process, in bytes (/proc/<pid>/status VmRSS, VmHWM). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  let status = '';
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return { rss: 0, peak: 0 };
  }
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** CPU time (user + system) a process has used, in ms (/proc/<pid>/stat, clock ticks of 10 ms). */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** A base port with `count` free ports from it on (the broker's nodes listen on port, port+1, ...). */
export async function freePorts(count: number, host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    let ok = true;
    for (let i = 0; i < count && ok; i++) ok = await portFree(base + i, host);
    if (ok) return base;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}
