// Old links keep working against the production server: the single-cluster URLs of earlier versions
// and Kafdrop's page URLs answer a redirect to the default cluster's pages (the query kept, or
// translated for Kafdrop's message pager), the page behind it renders, and a script that POSTs to an
// old API URL still creates its topic. With several clusters `/` is the cluster list, not a redirect.
import { expect, test } from '@playwright/test';
import { createTopic, produce, uniqueName } from './support/kafka';
import { PRIMARY } from './support/clusters';

const location = async (request: import('@playwright/test').APIRequestContext, path: string) => {
  const res = await request.get(path, { maxRedirects: 0 });
  expect(res.status(), path).toBe(307);
  return res.headers()['location'] ?? '';
};
const pathOf = (url: string) => {
  const u = new URL(url, 'http://x');
  return `${u.pathname}${u.search}`;
};

test("today's single-cluster URLs redirect to the default cluster", async ({ request }) => {
  expect(pathOf(await location(request, '/topics'))).toBe(`/clusters/${PRIMARY}/topics`);
  expect(pathOf(await location(request, '/topics/orders/messages?partition=1&from=earliest'))).toBe(
    `/clusters/${PRIMARY}/topics/orders/messages?partition=1&from=earliest`,
  );
  expect(pathOf(await location(request, '/groups/billing'))).toBe(`/clusters/${PRIMARY}/groups/billing`);
  expect(pathOf(await location(request, '/brokers/1'))).toBe(`/clusters/${PRIMARY}/brokers/1`);
  expect(pathOf(await location(request, '/api/topics?q=ord'))).toBe(`/api/clusters/${PRIMARY}/topics?q=ord`);
  expect(pathOf(await location(request, '/api/cluster'))).toBe(`/api/clusters/${PRIMARY}/overview`);
  const root = await request.get('/', { maxRedirects: 0 });
  expect(root.status()).toBe(200);
});

test('an old API URL still works for a script, GET and POST alike', async ({ request }) => {
  const name = uniqueName('old-url');
  const created = await request.post('/api/topics', { data: { name, partitions: 1, replicationFactor: 1 } });
  expect(created.status()).toBe(201);
  const detail = await request.get(`/api/topics/${name}`);
  expect(detail.status()).toBe(200);
  expect((await detail.json()).name).toBe(name);
});

test("Kafdrop's page URLs open their Kafscope pages", async ({ page, request }) => {
  const topic = uniqueName('kafdrop-link');
  await createTopic(topic, 1);
  await produce(topic, Array.from({ length: 8 }, (_, i) => ({ value: `kafdrop message ${i}` })));
  expect(pathOf(await location(request, `/topic/${topic}/messages?partition=0&offset=5&count=2`))).toBe(
    `/clusters/${PRIMARY}/topics/${topic}/messages?partition=0&from=offset&offset=5&order=asc&limit=2`,
  );
  expect(pathOf(await location(request, '/consumer/billing'))).toBe(`/clusters/${PRIMARY}/groups/billing`);
  expect(pathOf(await location(request, '/broker/2'))).toBe(`/clusters/${PRIMARY}/brokers/2`);
  expect(pathOf(await location(request, '/topic/create'))).toBe(`/clusters/${PRIMARY}/topics/new`);

  await page.goto(`/topic/${topic}/messages?partition=0&offset=5&count=2`);
  await expect(page).toHaveURL(new RegExp(`/clusters/${PRIMARY}/topics/${topic}/messages\\?`));
  await expect(page.getByText('kafdrop message 5')).toBeVisible();
  await expect(page.getByText('kafdrop message 6')).toBeVisible();
  await expect(page.getByText('kafdrop message 7')).toHaveCount(0);
  await page.goto(`/topic/${topic}`);
  await expect(page).toHaveURL(new RegExp(`/clusters/${PRIMARY}/topics/${topic}$`));
  await expect(page.getByRole('heading', { name: topic })).toBeVisible();
});
