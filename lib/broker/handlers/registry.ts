// Every API the broker serves, one handler file per API key. This list is the ApiVersions answer:
// to serve a new API, add its handler file and one line below.
import produce from './00-produce';
import fetch from './01-fetch';
import listOffsets from './02-list-offsets';
import metadata from './03-metadata';
import apiVersions from './18-api-versions';
import createTopics from './19-create-topics';
import deleteTopics from './20-delete-topics';
import type { Handler } from './types';

const HANDLERS: readonly Handler[] = [
  produce,
  fetch,
  listOffsets,
  metadata,
  apiVersions,
  createTopics,
  deleteTopics,
];

const byKey = new Map<number, Handler>();
for (const h of HANDLERS) {
  if (byKey.has(h.key)) throw new Error(`two handlers for API key ${h.key}`);
  byKey.set(h.key, h);
}

/** The handler serving `key` at `version`, if any. */
export function handlerFor(key: number, version: number): Handler | undefined {
  const h = byKey.get(key);
  return h && version >= h.min && version <= h.max ? h : undefined;
}

/** The ApiVersions entries, ordered by key. */
export function apiVersionsList(): { apiKey: number; minVersion: number; maxVersion: number }[] {
  return [...byKey.values()]
    .sort((a, b) => a.key - b.key)
    .map((h) => ({ apiKey: h.key, minVersion: h.min, maxVersion: h.max }));
}
