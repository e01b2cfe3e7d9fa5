// Prometheus's text exposition format (version 0.0.4), written by hand: a family is its HELP and TYPE
// lines followed by all of its samples, label values escaped as the format says (backslash, double
// quote and line feed), values as decimal text. Offsets are written from bigint, so the text holds
// the exact number (Prometheus itself keeps a float64). Output comes in chunks of about 64 KB, so a
// scrape of 100,000 series is streamed rather than built as one 40 MB string.
import 'server-only';

export const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
const CHUNK = 64 * 1024;

export type Labels = readonly (readonly [string, string])[];
export type MetricType = 'gauge' | 'counter';

export const escapeLabelValue = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const escapeHelp = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

export function formatValue(v: number | bigint): string {
  if (typeof v === 'bigint') return v.toString();
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

/** Collects lines and hands them out in chunks. */
export class Exposition {
  private buf: string[] = [];
  private size = 0;

  family(name: string, type: MetricType, help: string): void {
    this.push(`# HELP ${name} ${escapeHelp(help)}\n# TYPE ${name} ${type}\n`);
  }

  sample(name: string, labels: Labels, value: number | bigint): void {
    let line = name;
    if (labels.length > 0) {
      line += '{';
      for (let i = 0; i < labels.length; i++) {
        const [k, v] = labels[i]!;
        line += `${i === 0 ? '' : ','}${k}="${escapeLabelValue(v)}"`;
      }
      line += '}';
    }
    this.push(`${line} ${formatValue(value)}\n`);
  }

  private push(s: string): void {
    this.buf.push(s);
    this.size += s.length;
  }

  /** A chunk, when enough has been collected (or `all`). */
  take(all = false): string | null {
    if (this.size === 0 || (!all && this.size < CHUNK)) return null;
    const out = this.buf.join('');
    this.buf = [];
    this.size = 0;
    return out;
  }
}
