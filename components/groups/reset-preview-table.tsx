// The wizard's preview: for each partition, the committed offset now and after, and the lag before
// and after, with changed rows highlighted.
import { SimpleTable } from '@/components/ui/simple-table';
import { formatInt64 } from '@/lib/format/numbers';
import type { ResetPreview } from '@/lib/schemas/group';
import { showBidiControls } from '@/lib/format/bidi';

type Row = ResetPreview['partitions'][number];

export function ResetPreviewTable({ preview }: { preview: ResetPreview }) {
  return (
    <div className="max-h-80 overflow-auto">
      <SimpleTable<Row>
        label="Reset preview"
        rows={preview.partitions}
        rowKey={(r) => `${r.topic}/${r.partition}`}
        rowClass={(r) => (r.current !== r.target ? 'bg-amber-50/70 dark:bg-amber-950/30' : '')}
        columns={[
          { id: 'topic', header: 'Topic', cell: (r) => showBidiControls(r.topic) },
          { id: 'partition', header: 'Partition', align: 'right', cell: (r) => r.partition },
          { id: 'current', header: 'Current', align: 'right', cell: (r) => formatInt64(r.current) },
          { id: 'target', header: 'New', align: 'right', cell: (r) => <strong>{formatInt64(r.target)}</strong> },
          { id: 'lagBefore', header: 'Lag before', align: 'right', cell: (r) => formatInt64(r.lagBefore) },
          { id: 'lagAfter', header: 'Lag after', align: 'right', cell: (r) => <strong>{formatInt64(r.lagAfter)}</strong> },
        ]}
      />
    </div>
  );
}
