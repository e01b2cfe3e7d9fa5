'use client';
// The descriptor file and message type unframed Protobuf values are read with (PROTOBUFDESC_DIRECTORY,
// Kafdrop's folder of FileDescriptorSet files). Shown only when values are read as Protobuf — chosen
// on the page, or the topic's default — and the folder holds descriptor files. "Default" leaves
// each choice to the server: `<topic>.desc`, and the first message of its main file. Values framed
// for a Schema Registry take their type from the registry's schema and ignore both choices.
import { useQuery } from '@tanstack/react-query';
import { useCluster } from '@/components/cluster/cluster-context';
import { SelectField } from '@/components/ui/field';
import { protobufDescriptorsQuery } from '@/lib/api/queries/messages';
import type { MessageFormat } from '@/lib/schemas/message';

export function ProtobufPickers({
  topic,
  valueFormat,
  file,
  type,
  onSet,
}: {
  topic: string;
  valueFormat: MessageFormat | undefined;
  file: string | undefined;
  type: string | undefined;
  onSet: (patch: { protobufDesc?: string | undefined; protobufType?: string | undefined }) => void;
}) {
  const { data } = useQuery(protobufDescriptorsQuery(useCluster(), topic));
  if (!data || data.files.length === 0 || (valueFormat ?? data.valueFormat) !== 'protobuf') return null;
  const fileName = file ?? `${topic}.desc`;
  const chosen = data.files.find((f) => f.name === fileName);
  const defaultFile = data.files.some((f) => f.name === `${topic}.desc`) ? `Default (${topic}.desc)` : `Default (${topic}.desc, not in the folder)`;
  const problem = file !== undefined && !chosen ? `${file} is not in the descriptor folder` : (chosen?.error ?? null);
  const typeProblem = type !== undefined && chosen && !chosen.types.includes(type) ? `${fileName} has no message type ${type}` : null;
  return (
    <>
      <SelectField
        label="Descriptor file"
        className="w-56"
        value={file ?? ''}
        error={problem}
        title="For values without Schema Registry framing (framed values take their type from the registry)"
        onChange={(e) => onSet({ protobufDesc: e.target.value === '' ? undefined : e.target.value, protobufType: undefined })}
      >
        <option value="">{defaultFile}</option>
        {data.files.map((f) => (
          <option key={f.name} value={f.name}>
            {f.name}
          </option>
        ))}
        {file !== undefined && !chosen ? <option value={file}>{file}</option> : null}
      </SelectField>
      <SelectField label="Message type" className="w-64" value={type ?? ''} error={typeProblem} onChange={(e) => onSet({ protobufType: e.target.value === '' ? undefined : e.target.value })}>
        <option value="">{chosen?.types[0] ? `Default (${chosen.types[0]})` : 'Default (first message)'}</option>
        {(chosen?.types ?? []).map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
        {type !== undefined && !chosen?.types.includes(type) ? <option value={type}>{type}</option> : null}
      </SelectField>
    </>
  );
}
