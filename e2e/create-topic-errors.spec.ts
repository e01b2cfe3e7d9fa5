// Topic-creation mistakes are reported on the field they concern: a bad name live, a replication
// factor above the broker count, and a name that already exists (the server's 409).
import { expect, test } from '@playwright/test';
import { CreateTopicPage } from './pages/topics';
import { createTopic, uniqueName } from './support/kafka';

test('bad name, too many replicas and a duplicate name show on the form', async ({ page }) => {
  const create = new CreateTopicPage(page);
  await create.open();

  await create.name.fill('bad name!');
  await expect(create.name).toHaveAttribute('aria-invalid', 'true');
  await expect(await create.errorOf(create.name)).toContainText('may contain only letters, digits');

  await create.fill(uniqueName('rf'), 1, 4);
  await create.submit();
  await expect(create.replication).toHaveAttribute('aria-invalid', 'true');
  await expect(await create.errorOf(create.replication)).toContainText('number of brokers (3)');
  await expect(page).toHaveURL(create.url());

  const existing = uniqueName('dup');
  await createTopic(existing);
  await create.fill(existing, 1, 1);
  await create.submit();
  await expect(create.name).toHaveAttribute('aria-invalid', 'true');
  await expect(await create.errorOf(create.name)).toContainText(/exists/i);
  await expect(page).toHaveURL(create.url());
});
