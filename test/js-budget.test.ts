// The JavaScript budget check (scripts/js-budget.mjs) on a build laid out as Next writes it, with
// chunks of known compressed size: it adds a page's root scripts and its entries once each, and it
// fails (exit 1, naming the page) when one page is oversized, while the others pass.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measure, overBudget } from '../scripts/js-budget.mjs';

let dir: string;
/** gzip sizes of the fixture's chunks, measured independently of the script. */
const gz: Record<string, number> = {};

function chunk(name: string, bytes: number): string {
  const file = `static/chunks/${name}.js`;
  // Random bytes do not compress: the gzip size is about the raw size.
  const body = Buffer.from(`/*${randomBytes(bytes).toString('base64')}*/`);
  writeFileSync(path.join(dir, file), body);
  gz[file] = gzipSync(body, { level: 9 }).length;
  return file;
}

function page(route: string, entries: Record<string, string[]>): void {
  const folder = path.join(dir, 'server/app', route);
  mkdirSync(folder, { recursive: true });
  const manifest = { [`${route}/page`]: { entryJSFiles: entries, clientModules: {} } };
  writeFileSync(
    path.join(folder, 'page_client-reference-manifest.js'),
    `globalThis.__RSC_MANIFEST = (globalThis.__RSC_MANIFEST || {});globalThis.__RSC_MANIFEST[${JSON.stringify(`${route}/page`)}] = ${JSON.stringify(manifest[`${route}/page`])};`,
  );
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'js-budget-'));
  mkdirSync(path.join(dir, 'static/chunks'), { recursive: true });
  const root = [chunk('framework', 40_000), chunk('runtime', 2_000)];
  writeFileSync(path.join(dir, 'build-manifest.json'), JSON.stringify({ rootMainFiles: root, polyfillFiles: [chunk('polyfill', 30_000)] }));
  const layout = chunk('layout', 5_000);
  page('/clusters/[cluster]/topics', { '[project]/app/layout': [...root, layout], '[project]/app/clusters/[cluster]/topics/page': [layout, chunk('topics', 8_000)] });
  page('/clusters/[cluster]/topics/[topic]/messages', {
    '[project]/app/layout': [layout],
    '[project]/app/clusters/[cluster]/topics/[topic]/messages/page': [layout, chunk('oversized', 200_000)],
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('js-budget', () => {
  it('counts each script of a page once: the root scripts and every entry, not the polyfills', () => {
    const pages = measure(dir);
    const topics = pages.find((p) => p.route === '/clusters/[cluster]/topics')!;
    const expected = ['framework', 'runtime', 'layout', 'topics'].reduce((n, c) => n + gz[`static/chunks/${c}.js`]!, 0);
    expect(topics.bytes).toBe(expected);
    expect(topics.scripts).toHaveLength(4);
  });

  it('fails the oversized page and passes the other', () => {
    const over = overBudget(measure(dir), { '*': 80 });
    expect(over.map((p) => p.route)).toEqual(['/clusters/[cluster]/topics/[topic]/messages']);
    expect(overBudget(measure(dir), { '*': 1_000 })).toEqual([]);
  });

  it('exits 1 naming the page over budget, and 0 when every page is within it', () => {
    const budgets = path.join(dir, 'budgets.json');
    writeFileSync(budgets, JSON.stringify({ '*': 80 }));
    const failed = spawnSync(process.execPath, ['scripts/js-budget.mjs', '--dir', dir, '--budgets', budgets], { encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/OVER .*\/clusters\/\[cluster\]\/topics\/\[topic\]\/messages/);
    writeFileSync(budgets, JSON.stringify({ '*': 1_000 }));
    const out = execFileSync(process.execPath, ['scripts/js-budget.mjs', '--dir', dir, '--budgets', budgets], { encoding: 'utf8' });
    expect(out).not.toMatch(/OVER/);
  });
});
