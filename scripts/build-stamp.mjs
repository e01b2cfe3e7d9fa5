// What makes a production build "current": a hash of every input that goes into `next build`
// (sources, public files, configs, the lockfile). `npm start` and the e2e runner compare it with the
// stamp written after the last build, so a fresh clone builds once and an unchanged tree never
// rebuilds.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const INPUT_DIRS = ['app', 'components', 'lib', 'public'];
const INPUT_FILES = [
  'package-lock.json', 'next.config.js', 'tsconfig.json', 'postcss.config.mjs', 'instrumentation.ts', 'proxy.ts',
];
const SKIP = /(\.test\.tsx?$)|(^|\/)(node_modules|fixtures)(\/|$)/;

function* walk(root, dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(root, path);
    if (SKIP.test(rel)) continue;
    if (entry.isDirectory()) yield* walk(root, path);
    else if (entry.isFile()) yield rel;
  }
}

export function sourceHash(root) {
  const files = [];
  for (const dir of INPUT_DIRS) if (existsSync(join(root, dir))) files.push(...walk(root, join(root, dir)));
  for (const file of INPUT_FILES) if (existsSync(join(root, file))) files.push(file);
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

export const STAMP_FILE = '.next/kafscope-build-stamp';

/** True when .next holds a standalone build made from exactly the current inputs. */
export function buildIsCurrent(root) {
  const stamp = join(root, STAMP_FILE);
  if (!existsSync(join(root, '.next/standalone/server.js')) || !existsSync(stamp)) return false;
  return readFileSync(stamp, 'utf8').trim() === sourceHash(root) && statSync(stamp).isFile();
}
