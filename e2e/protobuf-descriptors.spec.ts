// Unframed Protobuf in the message browser, in Chromium against the production build: a value
// written by protoc itself (`protoc --encode`) for the second message type of a FileDescriptorSet
// (`protoc --descriptor_set_out --include_imports`) that is not named after the topic. With the value
// format Protobuf the page offers the folder's descriptor files and, for the one picked, its message
// types; picking both decodes the value with its field names and enum by name, and the choice lives
// in the URL, so a reload shows the same.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { MessagesPage } from './pages/messages';
import { createTopic, produce, uniqueName } from './support/kafka';
import { PROTOBUF_DESC_DIR } from './support/protobuf';
import { saveScreenshot } from './support/screenshot';

const PROTO = `syntax = "proto3";
package e2e;
message Ping { string note = 1; }
message Shipment {
  string id = 1;
  Status status = 2;
  Address to = 3;
  enum Status { UNKNOWN = 0; PACKED = 1; SHIPPED = 2; }
  message Address { string city = 1; string country = 2; }
}
`;

test('unframed Protobuf: pick the descriptor file and message type, see field names; the choice is in the URL', async ({ page }) => {
  const topic = uniqueName('shipments-raw');
  const descFile = `${uniqueName('types')}.desc`;
  const work = mkdtempSync(join(tmpdir(), 'kafscope-e2e-proto-'));
  let value: Buffer;
  try {
    writeFileSync(join(work, 'shipment.proto'), PROTO);
    execFileSync('protoc', [`--descriptor_set_out=${join(PROTOBUF_DESC_DIR, descFile)}`, '--include_imports', '-I.', 'shipment.proto'], { cwd: work });
    value = execFileSync('protoc', ['--encode=e2e.Shipment', '-I.', 'shipment.proto'], { cwd: work, input: 'id: "s-42"\nstatus: SHIPPED\nto { city: "Lyon" country: "FR" }\n' });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  await createTopic(topic);
  await produce(topic, [{ key: 's-42', value }]);

  const messages = new MessagesPage(page, topic);
  await messages.open('?order=asc&valueFormat=protobuf');
  // No <topic>.desc in the folder: the record says so, and the default option says it too.
  const file = messages.control('Descriptor file');
  await expect(file.locator('option').first()).toHaveText(`Default (${topic}.desc, not in the folder)`);
  await messages.expandFirst();
  await expect(messages.valueSection()).toContainText(`no descriptor file ${topic}.desc`);

  await file.selectOption(descFile);
  const type = messages.control('Message type');
  await expect(type.locator('option')).toHaveText(['Default (e2e.Ping)', 'e2e.Ping', 'e2e.Shipment', 'e2e.Shipment.Address']);
  await type.selectOption('e2e.Shipment');
  await expect(page).toHaveURL(new RegExp(`protobufDesc=${descFile.replace(/\./g, '\\.')}.*protobufType=e2e\\.Shipment`));

  await messages.expandFirst();
  const decoded = messages.valueSection();
  await expect(decoded.getByLabel('Decoded as')).toContainText(`read as e2e.Shipment from ${descFile}`);
  await expect(decoded).toContainText('"s-42"');
  await expect(decoded).toContainText('status');
  await expect(decoded).toContainText('"SHIPPED"');
  await expect(decoded).toContainText('city');
  await expect(decoded).toContainText('"Lyon"');
  await saveScreenshot(page, 'protobuf-descriptor-pickers');

  // A bookmark of this page (the open row included) opens with the same choice.
  await page.reload();
  await expect(messages.control('Descriptor file')).toHaveValue(descFile);
  await expect(messages.control('Message type')).toHaveValue('e2e.Shipment');
  await expect(messages.valueSection()).toContainText('"Lyon"');
});
