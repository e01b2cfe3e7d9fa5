// The Protobuf descriptor folder the app is started with (PROTOBUFDESC_DIRECTORY, set in
// playwright.config.ts): one folder per app port, so the runner that starts the app and the workers
// that write descriptor files into it agree on the path without passing it around. The folder must
// exist when the app starts; its files are read when a page uses them.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROTOBUF_DESC_DIR = join(tmpdir(), `kafscope-e2e-protobuf-${process.env.E2E_PORT ?? 9123}`);
