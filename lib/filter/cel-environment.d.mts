// Types of cel-environment.mjs (plain JavaScript so the filter worker can run it without a build).
import type { Environment } from '@marcbachmann/cel-js';
import type { FilterRecord } from './filter-record';

export declare const FILTER_VARIABLES: readonly (readonly [string, string])[];
export declare function filterEnvironment(): Environment;
export declare function payloadValue(text: string | null, json: FilterRecord['keyJson']): unknown;
export declare function celInput(r: FilterRecord): Record<string, unknown>;
