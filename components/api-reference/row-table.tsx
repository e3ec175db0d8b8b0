import { cellClass, DataTable } from '@/components/ui/data-table';
import type { Row } from '@/lib/api-reference/schema-rows';
import { InlineCode } from './inline-code';

/**
 * Parameters (with a Required column) or response fields. Child rows are
 * indented under their parent; a named object's type links to its section.
 */
export function RowTable({
  caption,
  rows,
  kind,
}: {
  caption: string;
  rows: Row[];
  kind: 'parameters' | 'fields';
}) {
  return (
    <DataTable
      caption={caption}
      columns={[
        { label: kind === 'parameters' ? 'Parameter' : 'Field' },
        { label: 'Type' },
        kind === 'parameters' && { label: 'Required' },
        { label: 'Description' },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.name}>
          <td className={`${cellClass} align-top font-mono text-xs whitespace-nowrap text-slate-900`}>
            <span style={{ paddingLeft: `${row.depth * 1.25}rem` }}>{row.name}</span>
          </td>
          <td className={`${cellClass} align-top text-xs whitespace-nowrap`}>
            {row.object ? (
              <a
                href={`#object-${row.object}`}
                className="text-indigo-700 underline-offset-2 hover:underline"
              >
                {row.type}
              </a>
            ) : (
              row.type
            )}
          </td>
          {kind === 'parameters' ? (
            <td className={`${cellClass} align-top text-xs`}>{row.required ? 'Required' : 'Optional'}</td>
          ) : null}
          <td className={`${cellClass} align-top`}>
            {row.description ? <InlineCode text={row.description} /> : null}
            {row.constraints.length ? (
              <p className="mt-1 text-xs text-slate-500">{row.constraints.join('; ')}</p>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
