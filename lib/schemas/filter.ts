// The `filter` parameter shared by browsing, search, tail, export and replay: a CEL expression over
// key, value, headers, partition, offset, timestamp and size (see README "Filters"). Its syntax is
// checked on the server, which answers a 400 pointing at the position.
import './zod-csp';
import { z } from 'zod/mini';

export const FILTER_MAX_LENGTH = 4_000;
export const FilterExpression = z.string().check(z.maxLength(FILTER_MAX_LENGTH));
