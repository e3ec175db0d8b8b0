import { ACCESS_LEVELS, RESOURCE_LABELS, RESOURCES } from '@/lib/api-keys/permissions';

const LEVEL_LABELS = { none: 'None', read: 'Read', write: 'Write' } as const;

/** A restricted key's permissions: one radio group per resource (fields `perm_<resource>`). */
export function PermissionsGrid() {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-900">Permissions</legend>
      <p className="mt-1 text-sm text-slate-600">Write includes read. Resources left at None are refused.</p>
      <div className="mt-3 overflow-x-auto rounded-xl ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200">
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-4 py-2 text-left text-xs font-semibold text-slate-600 uppercase">
                Resource
              </th>
              {ACCESS_LEVELS.map((level) => (
                <th
                  key={level}
                  scope="col"
                  className="px-4 py-2 text-center text-xs font-semibold text-slate-600 uppercase"
                >
                  {LEVEL_LABELS[level]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 bg-white">
            {RESOURCES.map((resource) => (
              <tr key={resource}>
                <th scope="row" className="px-4 py-2 text-left text-sm font-medium text-slate-900">
                  {RESOURCE_LABELS[resource]}
                </th>
                {ACCESS_LEVELS.map((level) => (
                  <td key={level} className="px-4 py-2 text-center">
                    <input
                      type="radio"
                      name={`perm_${resource}`}
                      value={level}
                      defaultChecked={level === 'none'}
                      aria-label={`${RESOURCE_LABELS[resource]}: ${LEVEL_LABELS[level]}`}
                      className="size-4 accent-indigo-600"
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
