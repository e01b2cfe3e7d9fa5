// Producer ids for idempotent producers: handed out in increasing order and never reused, even after a
// restart. Like Kafka's ProducerIdManager, ids are reserved in blocks and only the end of the current
// block is written down, so a crash skips the unused rest of a block instead of repeating ids.
import type { Store } from '../storage/types';
import type { BrokerService } from '../handlers/types';

const META_NAME = 'producer-ids.json';
const BLOCK = 1000n;

export class ProducerIds implements BrokerService {
  private next: bigint;
  private blockEnd: bigint;

  constructor(private readonly store: Store) {
    const raw = store.readMeta(META_NAME);
    const reserved = raw === null ? 0n : BigInt((JSON.parse(raw) as { reservedUpTo: string }).reservedUpTo);
    this.next = reserved;
    this.blockEnd = reserved;
  }

  /** A fresh producer id. */
  allocate(): bigint {
    if (this.next >= this.blockEnd) {
      this.blockEnd = this.next + BLOCK;
      this.store.writeMeta(META_NAME, JSON.stringify({ reservedUpTo: this.blockEnd.toString() }));
    }
    return this.next++;
  }

  /** Nothing to flush: the reservation is written when a block starts. */
  close(): void {}
}
