// Resetting the offsets of a group whose consumer is still running: the wizard says so before the
// reset, and the server's refusal reads as one clear sentence.
import { expect, test } from '@playwright/test';
import { GroupPage } from './pages/group';
import { createTopic, kafka, produce, uniqueName } from './support/kafka';

test('a reset of a group with a live member is refused with a clear message', async ({ page }) => {
  test.setTimeout(90_000);
  const topic = uniqueName('active');
  const groupId = uniqueName('active-group');
  await createTopic(topic, 1);
  await produce(topic, [{ key: 'k', value: 'v' }]);
  const consumer = kafka().consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    const first = new Promise<void>((resolve) => {
      void consumer.run({ eachMessage: async () => resolve() });
    });
    await first;

    const group = new GroupPage(page, groupId);
    await group.open();
    const wizard = await group.previewReset('Latest');
    await expect(wizard.getByRole('alert')).toContainText('1 active member');
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByRole('button', { name: 'Reset offsets' }).click();
    const alert = wizard.getByRole('alert');
    await expect(alert).toContainText('Once the group is Empty, try again.');
    await expect(alert).not.toContainText('..');
  } finally {
    await consumer.disconnect();
  }
});
