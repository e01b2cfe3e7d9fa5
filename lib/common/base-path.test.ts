// The base path as the bundles see it (Next inlines process.env.__NEXT_ROUTER_BASEPATH) and as the
// build reads it from the environment (scripts/build-settings.cjs), including the refusals.
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';

const { basePathSetting, distDirSetting } = createRequire(import.meta.url)('../../scripts/build-settings.cjs') as {
  basePathSetting(env: Record<string, string | undefined>): string;
  distDirSetting(env: Record<string, string | undefined>): string;
};

async function withBase(value: string) {
  vi.stubEnv('__NEXT_ROUTER_BASEPATH', value);
  vi.resetModules();
  return import('./base-path');
}

afterEach(() => vi.unstubAllEnvs());

describe('the base path in the bundles', () => {
  it('prefixes root-relative URLs and leaves others alone', async () => {
    const m = await withBase('/kafscope');
    expect(m.withBasePath('/api/clusters')).toBe('/kafscope/api/clusters');
    expect(m.withBasePath('https://idp.example/authorize')).toBe('https://idp.example/authorize');
    expect(m.withBasePath('//evil.example/x')).toBe('//evil.example/x');
    expect(m.withoutBasePath('/kafscope/api/health')).toBe('/api/health');
    expect(m.withoutBasePath('/kafscope')).toBe('/');
    expect(m.withoutBasePath('/kafscopes/api/health')).toBe('/kafscopes/api/health');
  });

  it('changes nothing at the root', async () => {
    const m = await withBase('');
    expect(m.BASE_PATH).toBe('');
    expect(m.withBasePath('/api/clusters')).toBe('/api/clusters');
    expect(m.withoutBasePath('/api/clusters')).toBe('/api/clusters');
  });
});

describe('the build settings', () => {
  it("reads Kafdrop's SERVER_SERVLET_CONTEXTPATH and our KAFSCOPE_BASE_PATH (ours wins)", () => {
    expect(basePathSetting({})).toBe('');
    expect(basePathSetting({ SERVER_SERVLET_CONTEXTPATH: '/' })).toBe('');
    expect(basePathSetting({ SERVER_SERVLET_CONTEXTPATH: '/kafdrop/' })).toBe('/kafdrop');
    expect(basePathSetting({ SERVER_SERVLET_CONTEXTPATH: '/kafdrop', KAFSCOPE_BASE_PATH: '/tools/kafscope' })).toBe('/tools/kafscope');
  });

  it('refuses what cannot be a base path, naming the variable', () => {
    expect(() => basePathSetting({ KAFSCOPE_BASE_PATH: 'kafscope' })).toThrow(/^KAFSCOPE_BASE_PATH="kafscope": a base path is a URL path/);
    expect(() => basePathSetting({ SERVER_SERVLET_CONTEXTPATH: '/a/../b' })).toThrow(/^SERVER_SERVLET_CONTEXTPATH=/);
    expect(() => basePathSetting({ KAFSCOPE_BASE_PATH: '/a b' })).toThrow(/URL path/);
    expect(() => basePathSetting({ KAFSCOPE_BASE_PATH: '/api' })).toThrow(/may not start with \/api/);
  });

  it('keeps builds in .next or .next-<name>', () => {
    expect(distDirSetting({})).toBe('.next');
    expect(distDirSetting({ KAFSCOPE_DIST_DIR: '.next-basepath' })).toBe('.next-basepath');
    expect(() => distDirSetting({ KAFSCOPE_DIST_DIR: '../elsewhere' })).toThrow(/KAFSCOPE_DIST_DIR/);
  });
});
