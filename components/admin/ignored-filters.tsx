import { FormError } from '@/components/forms';

/** Says which filters in the URL were not understood (and so not applied). */
export function IgnoredFilters({ names }: { names: string[] }) {
  if (!names.length) return null;
  return (
    <FormError className="mb-4">
      Ignored {names.length === 1 ? 'a filter' : 'filters'} that could not be read: {names.join(', ')}.
    </FormError>
  );
}
