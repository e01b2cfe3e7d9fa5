// Several clusters side by side: the landing page shows each one's health on its own card (a dead
// cluster says why instead of holding the page back), the sidebar switcher moves to the same kind
// of page in another cluster, a read-only cluster offers no change while its neighbour does, and one
// cluster's topics never appear under another's name.
import { expect, test } from '@playwright/test';
import { MessagesPage } from './pages/messages';
import { Shell } from './pages/shell';
import { TopicPage } from './pages/topic';
import { TopicsPage } from './pages/topics';
import type { ClusterSection } from '../components/cluster/cluster-path';
import { clusterPath, OFFLINE, PRIMARY, SECONDARY } from './support/clusters';
import { gotoHydrated } from './support/hydrated';
import { BOOTSTRAP, SECONDARY_BOOTSTRAP, createTopic, kafka, uniqueName } from './support/kafka';

test('the cluster list shows every cluster with its own health, and a card opens its cluster', async ({ page }) => {
  await gotoHydrated(page, '/');
  await expect(page.getByRole('list', { name: 'Clusters' }).getByRole('article')).toHaveCount(3);
  const card = (name: string) => page.getByRole('article', { name, exact: true });

  await expect(card(PRIMARY)).toContainText('Reachable');
  await expect(card(PRIMARY).getByTestId('brokers')).toHaveText('3');
  await expect(card(PRIMARY)).toContainText(BOOTSTRAP);
  await expect(card(PRIMARY)).not.toContainText('read-only');

  await expect(card(SECONDARY)).toContainText('Reachable');
  await expect(card(SECONDARY).getByTestId('brokers')).toHaveText('1');
  await expect(card(SECONDARY)).toContainText('read-only');

  await expect(card(OFFLINE)).toContainText(/Unreachable|Not answering/);
  await expect(card(OFFLINE).getByTestId('cluster-error')).not.toBeEmpty();
  await expect(card(OFFLINE).getByTestId('brokers')).toHaveText('—');

  await card(SECONDARY).click();
  await expect(page).toHaveURL(clusterPath(SECONDARY));
  await expect(page.getByRole('table', { name: 'Brokers' }).getByRole('row')).toHaveCount(2); // header + 1 broker
});

test('the switcher moves from a topic\'s messages in one cluster to the topic list of another', async ({ page }) => {
  const topic = uniqueName('switch');
  await createTopic(topic, 1);
  const messages = new MessagesPage(page, topic, PRIMARY);
  await messages.open();
  const shell = new Shell(page);
  await expect(shell.switcher()).toHaveValue(PRIMARY);

  await shell.switcher().selectOption(SECONDARY);
  await expect(page).toHaveURL(clusterPath(SECONDARY, 'topics'));
  await expect(shell.heading()).toHaveText('Topics');
  await expect(shell.switcher()).toHaveValue(SECONDARY);
  await expect(shell.link('Topics')).toHaveAttribute('aria-current', 'page');
  await expect(shell.link('Topics')).toHaveAttribute('href', clusterPath(SECONDARY, 'topics'));
});

test('a read-only cluster offers no change and says so; its neighbour does offer them', async ({ page }) => {
  const topic = uniqueName('ro');
  await createTopic(topic, 1, {}, SECONDARY_BOOTSTRAP);
  await createTopic(topic, 1);
  const sidebar = new Shell(page).nav;

  await new TopicPage(page, topic, SECONDARY).open();
  // The footer appears with the cluster's settings, so once it reads "Read-only" the buttons' absence means something.
  await expect(sidebar).toContainText('Read-only');
  await expect(sidebar).toContainText(SECONDARY_BOOTSTRAP);
  await expect(page.getByRole('link', { name: 'Browse messages' })).toBeVisible();
  for (const name of ['Produce', 'Add partitions', 'Purge', 'Delete topic']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }

  await new TopicPage(page, topic, PRIMARY).open();
  await expect(page.getByRole('button', { name: 'Produce', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete topic', exact: true })).toBeVisible();
  await expect(sidebar).toContainText(BOOTSTRAP);
  await expect(sidebar).not.toContainText('Read-only');
});

test('a topic created in one cluster is listed there and not in another', async ({ page }) => {
  const topic = uniqueName('only-primary');
  await createTopic(topic, 1);
  const primary = new TopicsPage(page, PRIMARY);
  await primary.open(topic);
  await expect(primary.row(topic)).toBeVisible();

  await new TopicsPage(page, SECONDARY).open(topic);
  await expect(page.getByText(`No topic matches “${topic}”`)).toBeVisible();
});

test('an unknown cluster says so and leads back to the cluster list', async ({ page }) => {
  const unknown = await page.goto(clusterPath('no-such-cluster', 'topics'));
  expect(unknown?.status()).toBe(404);
  await gotoHydrated(page, clusterPath('no-such-cluster', 'topics'));
  await expect(page.getByRole('heading', { name: 'Unknown cluster' })).toBeVisible();
  await expect(page.getByText('no cluster named “no-such-cluster”')).toBeVisible();
  await expect(new Shell(page).switcher()).toHaveCount(0); // the sidebar offers the cluster list, not a phantom cluster

  const response = await page.goto('/clusters/Not%20A%20Name/topics');
  expect(response?.status()).toBe(404);
  await page.getByRole('link', { name: 'See every cluster' }).click();
  await expect(page).toHaveURL('/');
});

test('every page of the second cluster shows that cluster\'s own data', async ({ page }) => {
  const topic = uniqueName('secondary-pages');
  const groupId = uniqueName('secondary-group');
  await createTopic(topic, 2, {}, SECONDARY_BOOTSTRAP);
  const client = kafka(SECONDARY_BOOTSTRAP);
  const producer = client.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({ topic, messages: [{ key: 'k', value: 'only in the secondary cluster' }] });
  await producer.disconnect();
  const admin = client.admin();
  await admin.connect();
  await admin.setOffsets({ groupId, topic, partitions: [0, 1].map((partition) => ({ partition, offset: '0' })) });
  await admin.disconnect();

  const at = (section: ClusterSection, ...rest: (string | number)[]) => clusterPath(SECONDARY, section, ...rest);
  await gotoHydrated(page, at(''));
  await expect(page.getByText(SECONDARY_BOOTSTRAP).first()).toBeVisible();
  await page.goto(at('brokers'));
  await expect(page.getByRole('table', { name: 'Brokers' }).getByRole('row')).toHaveCount(2); // header + one broker
  await page.goto(at('brokers', 0)); // the one node of a 1-node broker is node 0
  await expect(page.getByRole('table', { name: 'Broker configs' })).toBeVisible();
  await page.goto(`${at('topics')}?q=${topic}`);
  await expect(page.getByRole('table', { name: 'Topics' }).getByRole('link', { name: topic })).toBeVisible();
  await page.goto(at('topics', topic));
  await expect(page.getByRole('table', { name: 'Topic configs' })).toBeVisible();
  await page.goto(`${at('topics', topic, 'messages')}?from=earliest`);
  await expect(page.getByRole('table', { name: 'Messages' })).toContainText('only in the secondary cluster');
  await page.goto(`${at('groups')}?q=${groupId}`);
  await expect(page.getByRole('table', { name: 'Consumer groups' }).getByRole('link', { name: groupId })).toBeVisible();
  await page.goto(at('groups', groupId));
  await expect(page.getByRole('heading', { name: groupId })).toBeVisible();
  await expect(page.getByText(topic).first()).toBeVisible();
  // The same names do not exist in the primary cluster.
  await page.goto(clusterPath(PRIMARY, 'topics', topic));
  await expect(page.getByRole('alert').filter({ hasText: 'Request failed' })).toBeVisible();
});
