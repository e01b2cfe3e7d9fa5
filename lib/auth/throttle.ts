// Failed logins are throttled per user name and per client address: after `failures` failures within
// `windowMs`, further attempts for that name (or from that address) are refused for `lockMs`,
// doubling with each further lock, before the password is even checked (so guessing costs the
// server no scrypt either). Kept in this process's memory: a restart forgets it, and each instance
// behind a load balancer counts on its own — a bound on guessing, not an account lock-out.
import 'server-only';

interface Entry {
  failures: number[];
  lockedUntil: number;
  locks: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly limits: { failures: number; windowMs: number; lockMs: number }, private readonly now: () => number = Date.now) {}

  /** Milliseconds to wait before `user` may try again from `address`; 0 when allowed now. */
  waitMs(user: string, address: string): number {
    const t = this.now();
    return Math.max(0, ...[`u:${user}`, `a:${address}`].map((k) => (this.entries.get(k)?.lockedUntil ?? 0) - t));
  }

  fail(user: string, address: string): void {
    const t = this.now();
    for (const key of [`u:${user}`, `a:${address}`]) {
      const e = this.entries.get(key) ?? { failures: [], lockedUntil: 0, locks: 0 };
      e.failures = e.failures.filter((f) => t - f < this.limits.windowMs);
      e.failures.push(t);
      if (e.failures.length >= this.limits.failures) {
        e.lockedUntil = t + this.limits.lockMs * 2 ** Math.min(e.locks, 8);
        e.locks++;
        e.failures = [];
      }
      this.entries.set(key, e);
    }
    if (this.entries.size > 100_000) this.sweep(t);
  }

  succeed(user: string): void {
    this.entries.delete(`u:${user}`);
  }

  private sweep(t: number): void {
    for (const [k, e] of this.entries) if (e.lockedUntil < t && e.failures.every((f) => t - f >= this.limits.windowMs)) this.entries.delete(k);
  }
}
