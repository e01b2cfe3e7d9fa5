// In-page timings for bench/ui.ts, so the figures do not rest on Playwright's polling alone: an init
// script (run at the start of every document) watches the DOM with a MutationObserver and notes, on
// the page's own clock, when the page's data first appears (a CSS selector, optionally with a text),
// when React has hydrated (html[data-hydrated]) and when the user clicked. With the navigation
// timing (first byte, end of the response, DOMContentLoaded) and first contentful paint, that says
// whose share the time is: the server's, the network's, the browser's parse and paint, or scripts.
// Read the frame time: the observer's own time can come late, its callback waiting for a microtask
// checkpoint that a long script holds up.
import type { Page } from '@playwright/test';

export interface Probe {
  selector: string;
  text?: string;
}

export interface PageTimes {
  /** performance.now() when the data appeared in the DOM (null: not seen). */
  data: number | null;
  /** The time of the first animation frame (painted just after) with the data in the DOM. */
  frame: number | null;
  hydrated: number | null;
  click: number | null;
  ttfb: number;
  responseEnd: number;
  dcl: number;
  fcp: number | null;
}

declare global {
  interface Window {
    __probe?: Probe;
    __times?: { data: number | null; frame: number | null; hydrated: number | null; click: number | null };
  }
}

/** Installs the watcher; setProbe() says what the next page's data looks like. */
// A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
const INIT = `(() => {
  const times = (window.__times = { data: null, frame: null, hydrated: null, click: null });
  const present = () => {
    const p = window.__probe ?? JSON.parse(sessionStorage.getItem('__probe') ?? 'null');
    if (!p) return false;
    for (const el of document.querySelectorAll(p.selector)) if (!p.text || (el.textContent ?? '').includes(p.text)) return true;
    return false;
  };
  const check = () => {
    if (times.data === null && present()) times.data = performance.now();
    if (times.hydrated === null && document.documentElement?.dataset.hydrated) times.hydrated = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  // A frame callback runs just before the browser paints: the first one that finds the data is the
  // frame that shows it.
  const frame = (t) => {
    if (times.frame === null && present()) times.frame = t;
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  addEventListener('click', () => { times.click = performance.now(); times.frame = null; requestAnimationFrame(frame); }, true);
})();`;

/** Installs the watcher; setProbe() says what the next page's data looks like. */
export async function installProbe(page: Page): Promise<void> {
  await page.addInitScript(INIT);
}

/** The data to watch for: kept in sessionStorage so it holds across full loads in the tab. */
export async function setProbe(page: Page, probe: Probe): Promise<void> {
  await page.evaluate((p) => {
    sessionStorage.setItem('__probe', JSON.stringify(p));
    window.__probe = p;
    if (window.__times) Object.assign(window.__times, { data: null, frame: null, click: null });
  }, probe);
}

export async function readTimes(page: Page): Promise<PageTimes> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const t = window.__times ?? { data: null, frame: null, hydrated: null, click: null };
    return { ...t, ttfb: nav.responseStart, responseEnd: nav.responseEnd, dcl: nav.domContentLoadedEventEnd, fcp: fcp ? fcp.startTime : null };
  });
}
