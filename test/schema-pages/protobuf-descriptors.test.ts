// Kafdrop's PROTOBUFDESC_DIRECTORY and PROTOBUFDESC_PARSEANYPROTO: values written as plain Protobuf
// (no Confluent framing) by protoc itself (`protoc --encode`, an independent encoder) are read with a
// FileDescriptorSet made by `protoc --descriptor_set_out --include_imports`: `<topic>.desc` by
// default, another file and message type when the request names them. google.protobuf.Any stays
// packed unless PROTOBUFDESC_PARSEANYPROTO is on, and then unpacks with a type from another .desc of
// the folder. A missing file or type is a badge on each record, never a failed page; a folder that
// does not exist stops start-up.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getMessages } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { ConfigError, loadAppConfig } from '../../lib/config';
import { configureClusters } from '../../lib/kafka/connection/registry';
import { MessagePageSchema } from '../../lib/schemas/message';
import { TEST_CLUSTER, call, createTopic, startHarness, uniqueName, type Harness } from '../api/harness';

let h: Harness;
let protoDir: string;
let descDir: string;
const topic = uniqueName('orders');
const notesTopic = uniqueName('notes');

const PROTOS: Record<string, string> = {
  'google/protobuf/any.proto': 'syntax = "proto3";\npackage google.protobuf;\nmessage Any { string type_url = 1; bytes value = 2; }\n',
  'common.proto': 'syntax = "proto3";\npackage demo.common;\nmessage Money { string currency = 1; int64 units = 2; }\n',
  'extra.proto': 'syntax = "proto3";\npackage demo.extra;\nmessage Note { string text = 1; }\n',
  'orders.proto': `syntax = "proto3";
package demo;
import "common.proto";
import "google/protobuf/any.proto";
message Order {
  string id = 1;
  demo.common.Money total = 2;
  Status status = 3;
  google.protobuf.Any detail = 4;
  enum Status { NEW = 0; PAID = 1; }
}
`,
};

const protoc = (args: string[], input = '') => execFileSync('protoc', args, { cwd: protoDir, input, stdio: ['pipe', 'pipe', 'pipe'] });

function configure(env: Record<string, string>) {
  configureClusters(loadAppConfig({ KAFKA_CLUSTERS_0_NAME: TEST_CLUSTER, KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: h.broker.bootstrap, KAFSCOPE_PUBLIC_URL: 'http://console.test', ...env }));
}

async function values(t: string, query = '') {
  const r = await call(getMessages, `/api/clusters/test/topics/${t}/messages?from=earliest&order=asc&valueFormat=protobuf${query}`, { topic: t });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return MessagePageSchema.parse(r.body).messages.map((m) => m.value!);
}

beforeAll(async () => {
  protoDir = mkdtempSync(path.join(os.tmpdir(), 'kafscope-protos-'));
  descDir = mkdtempSync(path.join(os.tmpdir(), 'kafscope-desc-'));
  for (const [name, text] of Object.entries(PROTOS)) {
    mkdirSync(path.dirname(path.join(protoDir, name)), { recursive: true });
    writeFileSync(path.join(protoDir, name), text);
  }
  protoc([`--descriptor_set_out=${path.join(descDir, `${topic}.desc`)}`, '--include_imports', '-I.', 'orders.proto']);
  protoc([`--descriptor_set_out=${path.join(descDir, 'notes.desc')}`, '--include_imports', '-I.', 'extra.proto']);
  const order = protoc(
    ['--encode=demo.Order', '-I.', 'orders.proto', 'extra.proto'],
    'id: "o-1"\ntotal { currency: "EUR" units: 9223372036854775807 }\nstatus: PAID\ndetail { [type.googleapis.com/demo.extra.Note] { text: "hi" } }\n',
  );
  const note = protoc(['--encode=demo.extra.Note', '-I.', 'extra.proto'], 'text: "a note"\n');
  h = await startHarness();
  await createTopic(h, topic);
  await createTopic(h, notesTopic);
  await h.producer.send({ topic, messages: [{ key: 'o-1', value: order }] });
  await h.producer.send({ topic: notesTopic, messages: [{ key: 'n', value: note }] });
}, 60_000);
afterAll(async () => {
  await h?.close();
  rmSync(protoDir, { recursive: true, force: true });
  rmSync(descDir, { recursive: true, force: true });
});

describe('Protobuf descriptor files', () => {
  it("reads <topic>.desc's first message: names, enum by name, nested message, exact int64; Any packed by default", async () => {
    configure({ PROTOBUFDESC_DIRECTORY: descDir });
    const [v] = await values(topic);
    expect(v!.encoding, v!.error).toBe('protobuf');
    expect(v!.text).toContain('"units":9223372036854775807');
    const json = JSON.parse(v!.text!);
    expect(json).toMatchObject({ id: 'o-1', total: { currency: 'EUR' }, status: 'PAID' });
    expect(json.detail.type_url).toBe('type.googleapis.com/demo.extra.Note');
    expect(json.detail).not.toHaveProperty('text');
    expect(v!.notes?.[0]).toMatch(new RegExp(`read as demo.Order from ${topic}.desc`));
  });

  it('PROTOBUFDESC_PARSEANYPROTO unpacks Any with a type from another .desc of the folder', async () => {
    configure({ PROTOBUFDESC_DIRECTORY: descDir, PROTOBUFDESC_PARSEANYPROTO: 'true' });
    const [v] = await values(topic);
    expect(JSON.parse(v!.text!).detail).toEqual({ '@type': 'type.googleapis.com/demo.extra.Note', text: 'hi' });
  });

  it('another file and message type named by the request; a missing file or type is a badge', async () => {
    configure({ PROTOBUFDESC_DIRECTORY: descDir });
    const [note] = await values(notesTopic, '&protobufDesc=notes.desc&protobufType=demo.extra.Note');
    expect(JSON.parse(note!.text!)).toEqual({ text: 'a note' });
    const [missing] = await values(notesTopic);
    expect(missing!.error).toMatch(new RegExp(`no descriptor file ${notesTopic}.desc in PROTOBUFDESC_DIRECTORY`));
    const [noType] = await values(notesTopic, '&protobufDesc=notes.desc&protobufType=demo.Nope');
    expect(noType!.error).toMatch(/notes\.desc has no message type demo\.Nope/);
    const [escape] = await values(notesTopic, `&protobufDesc=${encodeURIComponent('../x.desc')}`);
    expect(escape!.error).toMatch(/must be a plain file name/);
  });

  it('without the folder, unframed Protobuf is a badge as before; a folder that does not exist stops start-up', async () => {
    configure({});
    const [v] = await values(topic);
    expect(v!.error).toMatch(/not Confluent-framed/);
    expect(() => loadAppConfig({ KAFKA_BROKERCONNECT: 'k:1', PROTOBUFDESC_DIRECTORY: path.join(descDir, 'nope') })).toThrow(ConfigError);
    expect(() => loadAppConfig({ KAFKA_BROKERCONNECT: 'k:1', PROTOBUFDESC_DIRECTORY: path.join(descDir, 'nope') })).toThrow(/PROTOBUFDESC_DIRECTORY/);
  });
});
