// Memory comes back after hostile partial frames: the broker CLI runs as a child process (in memory),
// three raw sockets each announce a 100 MB frame and send 60 MB of it, then close. While they are
// open the broker's RSS holds the bytes (proof they arrived); within a few seconds of the close it
// must be back within 20 MB of where it started — no forced GC, no special flags. Linux only (reads
// /proc/<pid>/status), like the broker's deployment.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiKey, encodeRequest } from '../../lib/broker/protocol';

const ROOT = path.resolve(__dirname, '../..');
const MB = 1024 * 1024;
let child: ChildProcess | null = null;

afterAll(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error('no VmRSS');
  return Number(m[1]) / 1024;
}

async function startCli(): Promise<{ pid: number; port: number }> {
  const c = spawn(process.execPath, ['--import', 'tsx', 'lib/broker/cli.ts', '--in-memory', '--port', '0', '--quiet'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = c;
  let out = '';
  let err = '';
  c.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const bootstrap = await new Promise<string>((resolve, reject) => {
    c.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^bootstrap: (\S+)$/m.exec(out);
      if (m) resolve(m[1]!);
    });
    c.once('exit', (code) => reject(new Error(`broker exited ${code}: ${err}`)));
  });
  return { pid: c.pid!, port: Number(bootstrap.split(':').at(-1)) };
}

async function connect(port: number): Promise<net.Socket> {
  const s = net.connect({ port, host: '127.0.0.1' });
  s.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    s.once('connect', resolve);
    s.once('error', reject);
  });
  return s;
}

/** Announces a frame of `announced` bytes and sends `sent` bytes of its body. */
async function sendPartial(s: net.Socket, announced: number, sent: number): Promise<void> {
  const head = Buffer.alloc(4);
  head.writeInt32BE(announced);
  s.write(head);
  const piece = Buffer.alloc(MB, 0x5a);
  for (let done = 0; done < sent; done += MB) {
    if (!s.write(piece)) await new Promise((r) => s.once('drain', r));
  }
}

/** One ApiVersions round trip, so the request path has run once before the baseline is taken. */
async function warmUp(port: number): Promise<void> {
  const s = await connect(port);
  s.write(encodeRequest(ApiKey.ApiVersions, 0, 1, 'warm-up', {}));
  await new Promise((r) => s.once('data', r));
  s.destroy();
}

describe('memory after partial frames', () => {
  it('returns to within 20 MB of the starting RSS once 3 × 60 MB partial frames are closed', async () => {
    const { pid, port } = await startCli();
    await warmUp(port);
    await sleep(1000);
    const start = rssMb(pid);

    const sockets: net.Socket[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await connect(port);
      await sendPartial(s, 100 * MB, 60 * MB);
      sockets.push(s);
    }
    let peak = rssMb(pid);
    for (let i = 0; i < 100 && peak - start < 150; i++) {
      await sleep(50);
      peak = Math.max(peak, rssMb(pid));
    }
    expect(peak - start).toBeGreaterThanOrEqual(150); // the 180 MB did arrive and were held

    for (const s of sockets) s.destroy();
    let after = rssMb(pid);
    for (let i = 0; i < 50 && after - start > 20; i++) {
      await sleep(100);
      after = rssMb(pid);
    }
    console.log(`broker RSS: start ${start.toFixed(1)} MB, holding ${peak.toFixed(1)} MB, after close ${after.toFixed(1)} MB`);
    expect(after - start).toBeLessThanOrEqual(20);
    expect(child!.exitCode).toBeNull(); // and it is still running
  });
});
