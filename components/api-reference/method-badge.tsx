import type { HttpMethod } from '@/lib/api/openapi';

const TONES: Record<HttpMethod, string> = {
  get: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  post: 'bg-indigo-50 text-indigo-700 ring-indigo-600/20',
  delete: 'bg-rose-50 text-rose-700 ring-rose-600/20',
};

export function MethodBadge({ method }: { method: HttpMethod }) {
  return (
    <span
      className={`inline-flex rounded-md px-2 py-0.5 font-mono text-xs font-semibold ring-1 ring-inset ${TONES[method]}`}
    >
      {method.toUpperCase()}
    </span>
  );
}
