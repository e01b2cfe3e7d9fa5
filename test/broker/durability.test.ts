// Durability across a crash: the broker runs as a child process (the real CLI) on a temp data dir, a
// kafkajs producer with acks=-1 records every acknowledged offset, the broker is killed with SIGKILL
// mid-stream and restarted on the same dir. Every acked message must be there at its offset, the
// offsets contiguous, and producing must continue at the end of the log.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { groupLessCluster, kafkaFor, readPartition, tempDir } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
const data = tempDir('durability');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  data.remove();
});

/** Starts the CLI broker and resolves with its bootstrap address once it prints it. */
async function startChild(): Promise<{ child: ChildProcess; bootstrap: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/broker/cli.ts', '--data-dir', data.dir, '--port', '0', '--quiet'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const bootstrap = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^bootstrap: (\S+)$/m.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`broker exited ${code} before listening: ${err}`)));
  });
  return { child, bootstrap };
}

const client = (bootstrap: string) => kafkaFor({ bootstrap }, { retry: { retries: 0 } });

describe('durability', () => {
  it('keeps every acknowledged message through kill -9 and continues at the right offset', async () => {
    const first = await startChild();
    const kafka = client(first.bootstrap);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'ledger', numPartitions: 1 }] });
    await admin.disconnect();

    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const acked = new Map<bigint, string>();
    let killed = false;
    const stream = (async () => {
      for (let i = 0; !killed; i++) {
        const value = `entry-${i}`;
        try {
          const [r] = await producer.send({ topic: 'ledger', acks: -1, messages: [{ value }] });
          acked.set(BigInt(r!.baseOffset!), value);
        } catch {
          return;
        }
      }
    })();
    while (acked.size < 300) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    await stream;
    await producer.disconnect().catch(() => {});
    expect(acked.size).toBeGreaterThanOrEqual(300);

    const second = await startChild();
    const again = client(second.bootstrap);
    const cluster = groupLessCluster(again);
    await cluster.connect();
    const stored = await readPartition(cluster, 'ledger', 0);
    await cluster.disconnect();
    expect(stored.map((m) => BigInt(m.offset))).toEqual(stored.map((_, i) => BigInt(i)));
    const byOffset = new Map(stored.map((m) => [BigInt(m.offset), m.value!.toString()]));
    for (const [offset, value] of acked) expect(byOffset.get(offset)).toBe(value);

    const resumed = again.producer();
    await resumed.connect();
    const [r] = await resumed.send({ topic: 'ledger', acks: -1, messages: [{ value: 'after-restart' }] });
    await resumed.disconnect();
    expect(BigInt(r!.baseOffset!)).toBe(BigInt(stored.length));

    second.child.kill('SIGTERM');
    const [code] = (await once(second.child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
