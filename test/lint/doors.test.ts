// The doors between the rooms are enforced by lint: each forbidden import below fails `npm run lint`
// with no-restricted-imports, and the same file with an allowed import passes — so the rule can fail.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import doors', () => {
  it.each([
    ['components/topics/fixture.tsx', "import { clientsFor } from '@/lib/kafka/connection/registry';"],
    ['components/topics/fixture.tsx', "import { Kafka } from 'kafkajs';"],
    ['app/clusters/[cluster]/fixture.tsx', "import { route } from '@/lib/http/route';"],
    ['lib/api/fixture.ts', "import { startBroker } from '../broker';"],
    ['lib/schemas/fixture.ts', "import { loadAppConfig } from '../config';"],
    ['lib/broker/fixture.ts', "import { clientsFor } from '../kafka/connection/registry';"],
    ['lib/broker/network/fixture.ts', "import { useState } from 'react';"],
    ['lib/kafka/services/fixture.ts', "import { HttpProblem } from '../../http/problem';"],
    ['lib/kafka/fixture.ts', "import { NextResponse } from 'next/server';"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await restricted(file, `${code}\nexport const x = 1;\n`)).toHaveLength(1);
  });

  it.each([
    ['components/topics/fixture.tsx', "import { TopicListSchema } from '@/lib/schemas/topic';"],
    ['app/api/clusters/fixture.ts', "import { clientsFor } from '@/lib/kafka/connection/registry';"],
    ['lib/kafka/fixture.ts', "import { errorName } from '../common/kafka-error-codes';"],
    ['lib/broker/fixture.ts', "import { errorName } from '../common/kafka-error-codes';"],
    ['lib/schemas/fixture.ts', "import { ConfigEntrySchema } from './config';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await restricted(file, `${code}\nexport const x = 1;\n`)).toEqual([]);
  });
});
