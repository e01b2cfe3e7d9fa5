import AxeBuilder from '@axe-core/playwright';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './e2e/support/chromium';
(async () => {
  const b = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
  for (const mode of ['light', 'dark']) {
    const ctx = await b.newContext({ viewport: { width: 1440, height: 900 } });
    await ctx.addInitScript((m) => localStorage.setItem('kafscope-theme', m), mode);
    const p = await ctx.newPage();
    for (const path of ['/', '/clusters/primary', '/clusters/primary/topics', '/clusters/primary/topics/demo1', '/clusters/primary/topics/demo1/messages?from=earliest&open=0-0', '/clusters/primary/groups', '/clusters/primary/brokers', '/clusters/primary/brokers/0', '/clusters/primary/topics/new']) {
      await p.goto('http://127.0.0.1:9216' + path, { waitUntil: 'networkidle' });
      await p.waitForTimeout(500);
      const r = await new AxeBuilder({ page: p }).analyze();
      for (const v of r.violations) if (v.impact === 'serious' || v.impact === 'critical') console.log(mode, path, v.id, v.impact, v.nodes.length, v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160)).join(' || '));
    }
    await ctx.close();
  }
  await b.close();
})();
