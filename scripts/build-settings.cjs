// What Next fixes when it builds, read from the environment in one place for next.config.js, the
// build stamp (scripts/build-stamp.mjs: another value makes `npm start` rebuild) and the scripts
// that run the build's output.
//
// The base path: the sub-path the console is served under behind a reverse proxy (`/kafscope` for
// https://tools.example/kafscope/...). Kafdrop users set SERVER_SERVLET_CONTEXTPATH; ours is
// KAFSCOPE_BASE_PATH (it wins when both are set and not empty). The running code reads the value Next inlined
// (lib/common/base-path.ts). A value that cannot be a URL path stops the build naming the variable,
// rather than serving a console nobody can reach.
//
// The build folder (KAFSCOPE_DIST_DIR, default .next): lets a second build with another base path sit
// beside the usual one (the e2e run tests both), each with its own stamp.
'use strict';

const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** '' (served at the root) or '/a/b': leading slash, no trailing slash. Throws naming the variable. */
function basePathSetting(env = process.env) {
  const name = env.KAFSCOPE_BASE_PATH?.trim() ? 'KAFSCOPE_BASE_PATH' : 'SERVER_SERVLET_CONTEXTPATH';
  const raw = (env[name] ?? '').trim();
  if (raw === '' || /^\/+$/.test(raw)) return '';
  const path = raw.replace(/\/+$/, '');
  const segments = path.split('/').slice(1);
  const bad = !path.startsWith('/') || segments.some((s) => !SEGMENT.test(s) || s === '.' || s === '..');
  if (bad) {
    throw new Error(`${name}=${JSON.stringify(raw)}: a base path is a URL path such as /kafscope (letters, digits, ".", "_", "~", "-" between slashes)`);
  }
  if (segments[0] === '_next' || segments[0] === 'api') {
    throw new Error(`${name}=${JSON.stringify(raw)}: a base path may not start with /${segments[0]}`);
  }
  return path;
}

/** The build folder, relative to the project: `.next` unless KAFSCOPE_DIST_DIR names a `.next-*` one. */
function distDirSetting(env = process.env) {
  const dir = (env.KAFSCOPE_DIST_DIR ?? '').trim() || '.next';
  if (!/^\.next(-[a-z0-9-]+)?$/.test(dir)) {
    throw new Error(`KAFSCOPE_DIST_DIR=${JSON.stringify(dir)}: the build folder is .next or .next-<name> (lowercase letters, digits, "-")`);
  }
  return dir;
}

module.exports = { basePathSetting, distDirSetting };
