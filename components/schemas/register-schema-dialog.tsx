'use client';
// Registers a new version of a subject. The registry's compatibility verdict on the draft is asked
// for and shown before anything is saved: "Register" is offered only once the current text has been
// checked and found compatible (or is the subject's first version), and the registry's reasons are
// listed when it is not, so an incompatible change is seen here rather than as a refusal.
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/feedback';
import { SelectField, TextArea } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useCheckCompatibility, useRegisterSchema } from '@/lib/api/mutations/schemas';
import { SchemaTypeSchema, type CompatibilityCheck, type SchemaType } from '@/lib/schemas/schema-registry';

export function RegisterSchemaDialog({
  cluster,
  subject,
  initial,
  initialType,
  open,
  onClose,
}: {
  cluster: string;
  subject: string;
  initial: string;
  initialType: SchemaType;
  open: boolean;
  onClose: () => void;
}) {
  const toast = useToast();
  const [schema, setSchema] = useState(initial);
  const [schemaType, setSchemaType] = useState<SchemaType>(initialType);
  const [verdict, setVerdict] = useState<{ text: string; type: SchemaType; check: CompatibilityCheck } | null>(null);
  const check = useCheckCompatibility(cluster, subject);
  const register = useRegisterSchema(cluster, subject);
  const current = verdict && verdict.text === schema && verdict.type === schemaType ? verdict.check : null;
  const runCheck = () => check.mutate({ schema, schemaType, references: [] }, { onSuccess: (c) => setVerdict({ text: schema, type: schemaType, check: c }) });
  const save = () =>
    register.mutate(
      { schema, schemaType, references: [] },
      {
        onSuccess: (r) => {
          toast.success(`Registered ${subject} version ${r.version ?? '?'} (schema id ${r.id})`);
          onClose();
        },
      },
    );
  return (
    <Dialog
      open={open}
      wide
      onClose={onClose}
      title={`New version of ${subject}`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button disabled={check.isPending || schema.trim() === ''} onClick={runCheck}>
            {check.isPending ? 'Checking…' : 'Check compatibility'}
          </Button>
          <Button variant="primary" disabled={!current?.compatible || register.isPending} onClick={save}>
            {register.isPending ? 'Registering…' : 'Register'}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        {check.error ? <ErrorBanner error={check.error} title="The registry could not check this schema" /> : null}
        {register.error ? <ErrorBanner error={register.error} title="The schema was not registered" /> : null}
        <SelectField label="Schema type" value={schemaType} onChange={(e) => setSchemaType(e.target.value as SchemaType)} className="w-48">
          {SchemaTypeSchema.options.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </SelectField>
        <TextArea label="Schema" rows={16} value={schema} spellCheck={false} onChange={(e) => setSchema(e.target.value)} />
        {current ? (
          current.compatible ? (
            <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm dark:border-emerald-800 dark:bg-emerald-950/60">
              {current.firstVersion ? 'This will be the subject’s first version.' : 'Compatible with the subject’s compatibility level.'} It can be registered.
            </p>
          ) : (
            <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm dark:border-red-800 dark:bg-red-950/60">
              <p className="font-medium">Not compatible: the registry would refuse this version.</p>
              <ul className="mt-1 list-disc pl-5 text-xs">
                {current.messages.map((m, i) => (
                  <li key={i} className="break-words">
                    {m}
                  </li>
                ))}
              </ul>
            </div>
          )
        ) : (
          <p className="text-xs text-zinc-500">Check the draft against the registry before registering it.</p>
        )}
      </div>
    </Dialog>
  );
}
