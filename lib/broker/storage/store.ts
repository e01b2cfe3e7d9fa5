// The broker's storage: one directory per partition (`<topic>-<partition>`, as Kafka lays it out)
// plus a `meta/` directory of small JSON documents. `openStore` is the entry point; with dataDir null
// the same code runs on an in-memory backend.

import * as path from 'node:path';
import type { Backend } from './backend';
import { FileBackend } from './file-backend';
import { MemoryBackend } from './memory-backend';
import { SegmentedPartitionLog } from './partition-log';
import type { LogConfig, PartitionLog, Store, StoreOptions } from './types';

export type * from './types';

const PARTITION_DIR = /^(.+)-(\d+)$/;
const META_DIR = 'meta';
const META_NAME = /^[A-Za-z0-9._-]+$/;
const MEMORY_ROOT = '/kafscope-in-memory';

export function openStore(opts: StoreOptions): Store {
  return opts.dataDir === null
    ? openStoreOn(new MemoryBackend(), MEMORY_ROOT, opts)
    : openStoreOn(new FileBackend(), path.resolve(opts.dataDir), opts);
}

/** A store over any backend (tests reopen one MemoryBackend to exercise in-memory recovery). */
export function openStoreOn(backend: Backend, root: string, opts: StoreOptions): Store {
  backend.mkdirp(root);
  const logs = new Map<string, SegmentedPartitionLog>();
  const dirFor = (topic: string, partition: number) => path.join(root, `${topic}-${partition}`);
  let timer: NodeJS.Timeout | null = null;
  if (opts.fsync === 'interval') {
    timer = setInterval(() => {
      for (const log of logs.values()) log.flushInBackground();
    }, opts.fsyncIntervalMs ?? 1000);
    timer.unref();
  }

  const listPartitions = () =>
    backend
      .list(root)
      .map((name) => ({ name, m: PARTITION_DIR.exec(name) }))
      .filter(({ name, m }) => m !== null && backend.isDir(path.join(root, name)))
      .map(({ m }) => ({ topic: m![1]!, partition: Number(m![2]!) }))
      .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));

  const metaPath = (name: string) => {
    if (!META_NAME.test(name)) throw new Error(`Invalid metadata name: ${name}`);
    return path.join(root, META_DIR, name);
  };

  return {
    openPartition(topic: string, partition: number, config: LogConfig): PartitionLog {
      const key = `${topic}-${partition}`;
      const open = logs.get(key);
      if (open && !open.isClosed) {
        open.updateConfig(config);
        return open;
      }
      const log = new SegmentedPartitionLog(backend, dirFor(topic, partition), config, opts.fsync, opts.log);
      logs.set(key, log);
      return log;
    },
    listPartitions,
    deleteTopic(topic: string): void {
      for (const { topic: t, partition } of listPartitions()) {
        if (t !== topic) continue;
        const key = `${t}-${partition}`;
        logs.get(key)?.close();
        logs.delete(key);
        backend.removeDir(dirFor(t, partition));
      }
    },
    readMeta(name: string): string | null {
      return backend.readText(metaPath(name));
    },
    writeMeta(name: string, content: string): void {
      backend.mkdirp(path.join(root, META_DIR));
      backend.writeTextAtomic(metaPath(name), content);
    },
    appendMeta(name: string, content: string): void {
      backend.mkdirp(path.join(root, META_DIR));
      const blob = backend.open(metaPath(name));
      try {
        blob.append(Buffer.from(content, 'utf8'));
        blob.sync();
      } finally {
        blob.close();
      }
    },
    flush(): void {
      for (const log of logs.values()) log.flush();
    },
    close(): void {
      if (timer) clearInterval(timer);
      timer = null;
      for (const log of logs.values()) log.close();
      logs.clear();
    },
  };
}
