// `npm start` must build a fresh clone once and never rebuild an unchanged tree: these tests lay out
// real files in a temporary project and check the decision the start script makes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STAMP_FILE, buildIsCurrent, sourceHash } from '../scripts/build-stamp.mjs';

let root: string;

function write(rel: string, content: string) {
  const path = join(root, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

function stampBuild() {
  write('.next/standalone/server.js', '// server');
  write(STAMP_FILE, `${sourceHash(root)}\n`);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kafscope-stamp-'));
  write('app/page.tsx', 'export default 1');
  write('lib/a.ts', 'export const a = 1');
  write('package-lock.json', '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('build stamp', () => {
  it('a tree with no build is not current', () => {
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('a build stamped from the current sources is current', () => {
    stampBuild();
    expect(buildIsCurrent(root)).toBe(true);
  });

  it('editing a source file makes the build stale', () => {
    stampBuild();
    write('lib/a.ts', 'export const a = 2');
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('adding a file or changing the lockfile makes the build stale', () => {
    stampBuild();
    write('components/b.tsx', 'export {}');
    expect(buildIsCurrent(root)).toBe(false);
    stampBuild();
    write('package-lock.json', '{"x":1}');
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('another base path makes the build stale (Next fixes it when it builds)', () => {
    stampBuild();
    vi.stubEnv('SERVER_SERVLET_CONTEXTPATH', '/kafdrop');
    try {
      expect(buildIsCurrent(root)).toBe(false);
      stampBuild();
      expect(buildIsCurrent(root)).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('test files do not count as build inputs', () => {
    stampBuild();
    write('lib/a.test.ts', 'test');
    expect(buildIsCurrent(root)).toBe(true);
  });

  it('a stamp without the server output is not current', () => {
    write(STAMP_FILE, `${sourceHash(root)}\n`);
    expect(buildIsCurrent(root)).toBe(false);
  });
});
