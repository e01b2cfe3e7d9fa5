// Kafdrop's PROTOBUFDESC_DIRECTORY and PROTOBUFDESC_PARSEANYPROTO: values written as plain Protobuf
// (no Confluent framing) by protoc itself (`protoc --encode`, an independent encoder) are read with a
// FileDescriptorSet made by `protoc --descriptor_set_out --include_imports`: `<topic>.desc` by
// default, another file and message type when the request names them. google.protobuf.Any stays
// packed unless PROTOBUFDESC_PARSEANYPROTO is on, and then unpacks with a type from another .desc of
// the folder. A missing file or type is a badge on each record, never a failed page; a folder that
// does not exist stops start-up. The listing the message browser's pickers use names each file's
// message types as protoc itself reads them (`protoc --decode=google.protobuf.FileDescriptorSet`), and
// export and filters read values with the file and type a request names, as browsing does.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getDescriptors } from '../../app/api/clusters/[cluster]/protobuf-descriptors/route';
import { GET as exportRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/export/route';
import { GET as getMessages } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { ConfigError, loadAppConfig } from '../../lib/config';
import { configureClusters } from '../../lib/kafka/connection/registry';
import { MessagePageSchema } from '../../lib/schemas/message';
import { ProtobufDescriptorsSchema } from '../../lib/schemas/protobuf-descriptors';
import { ExportRecordSchema } from '../../lib/schemas/streams';
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

const protoc = (args: string[], input: string | Buffer = '') => execFileSync('protoc', args, { cwd: protoDir, input, stdio: ['pipe', 'pipe', 'pipe'] });

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

/** The top-level message types ("pkg.Msg") of every file in a .desc, as protoc decodes the set with
 * the few fields of descriptor.proto that say so (same field numbers; protoc skips the others). */
const DESCRIPTOR_FIELDS = `syntax = "proto2";
package oracle;
message FileDescriptorSet { repeated FileDescriptorProto file = 1; }
message FileDescriptorProto { optional string name = 1; optional string package = 2; repeated DescriptorProto message_type = 4; }
message DescriptorProto { optional string name = 1; }
`;
function protocMessageTypes(file: string): string[] {
  writeFileSync(path.join(protoDir, 'oracle.proto'), DESCRIPTOR_FIELDS);
  const text = protoc(['--decode=oracle.FileDescriptorSet', '-I.', 'oracle.proto'], readFileSync(file)).toString();
  const out: string[] = [];
  for (const block of text.split(/^file \{$/m).slice(1)) {
    const pkg = /^ {2}package: "([^"]+)"/m.exec(block)?.[1];
    for (const m of block.matchAll(/^ {2}message_type \{\n {4}name: "([^"]+)"/gm)) out.push(pkg ? `${pkg}.${m[1]}` : m[1]!);
  }
  return out;
}

describe('the descriptor listing and the other readers', () => {
  it('lists each .desc with its message types (main first), a broken file with its reason, nothing else', async () => {
    const listDir = mkdtempSync(path.join(os.tmpdir(), 'kafscope-desc-list-'));
    try {
      copyFileSync(path.join(descDir, `${topic}.desc`), path.join(listDir, `${topic}.desc`));
      copyFileSync(path.join(descDir, 'notes.desc'), path.join(listDir, 'notes.desc'));
      writeFileSync(path.join(listDir, 'broken.desc'), 'not a descriptor set');
      writeFileSync(path.join(listDir, 'readme.txt'), 'ignored');
      mkdirSync(path.join(listDir, 'folder.desc'));
      configure({ PROTOBUFDESC_DIRECTORY: listDir, MESSAGE_FORMAT: 'PROTOBUF' });
      const r = await call(getDescriptors, '/api/clusters/test/protobuf-descriptors', {});
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const list = ProtobufDescriptorsSchema.parse(r.body);
      expect(list).toMatchObject({ configured: true, valueFormat: 'protobuf', truncated: false });
      expect(list.files.map((f) => f.name)).toEqual(['broken.desc', 'notes.desc', `${topic}.desc`].sort());
      expect(list.files.find((f) => f.name === 'broken.desc')).toMatchObject({ types: [], error: expect.stringMatching(/invalid FileDescriptorSet/) });
      const orders = list.files.find((f) => f.name === `${topic}.desc`)!;
      expect(orders.types[0]).toBe('demo.Order');
      const fromProtoc = protocMessageTypes(path.join(listDir, `${topic}.desc`)).filter((t) => !t.startsWith('google.protobuf.'));
      expect(new Set(orders.types)).toEqual(new Set(fromProtoc));
      expect(fromProtoc).toEqual(expect.arrayContaining(['demo.Order', 'demo.common.Money']));
      expect(list.files.find((f) => f.name === 'notes.desc')!.types).toEqual(protocMessageTypes(path.join(listDir, 'notes.desc')));
    } finally {
      rmSync(listDir, { recursive: true, force: true });
    }
  });

  it('without PROTOBUFDESC_DIRECTORY the listing is empty, with the default value format', async () => {
    configure({});
    const list = ProtobufDescriptorsSchema.parse((await call(getDescriptors, '/api/clusters/test/protobuf-descriptors', {})).body);
    expect(list).toEqual({ configured: false, valueFormat: 'auto', files: [], truncated: false });
  });

  it('names the topic\'s default value format when a rule by topic name sets one', async () => {
    configure({ PROTOBUFDESC_DIRECTORY: descDir, KAFSCOPE_TOPIC_FORMATS: '[{"topics":["orders.*"],"valueFormat":"protobuf"}]' });
    const of = async (qs: string) => ProtobufDescriptorsSchema.parse((await call(getDescriptors, `/api/clusters/test/protobuf-descriptors${qs}`, {})).body).valueFormat;
    expect(await of('?topic=orders.eu')).toBe('protobuf');
    expect(await of('?topic=logs')).toBe('auto');
    expect(await of('')).toBe('auto');
  });

  it('export and a filter read values with the file and type the request names', async () => {
    configure({ PROTOBUFDESC_DIRECTORY: descDir });
    const chosen = '&valueFormat=protobuf&protobufDesc=notes.desc&protobufType=demo.extra.Note';
    const res = await call(exportRoute, `/api/clusters/test/topics/x/export?format=ndjson${chosen}`, { topic: notesTopic });
    expect(res.status).toBe(200);
    const [record] = (await res.response.text()).trim().split('\n').map((l) => ExportRecordSchema.parse(JSON.parse(l)));
    expect(record).toMatchObject({ valueEncoding: 'text' });
    expect(JSON.parse(record!.value!)).toEqual({ text: 'a note' });
    const filtered = await values(notesTopic, `&protobufDesc=notes.desc&protobufType=demo.extra.Note&filter=${encodeURIComponent('value.text == "a note"')}`);
    expect(filtered).toHaveLength(1);
    expect(await values(notesTopic, `&protobufDesc=notes.desc&protobufType=demo.extra.Note&filter=${encodeURIComponent('value.text == "other"')}`)).toHaveLength(0);
  });
});
