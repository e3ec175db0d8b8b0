import { invalidRequest } from './errors';

/**
 * `expand[]` is validated against what each endpoint declares expandable, so a
 * typo is an error rather than silently ignored. List endpoints expand inside
 * their items with the `data.` prefix, as at Stripe.
 */
export function checkExpandable(
  paths: readonly string[] | undefined,
  allowed: readonly string[],
  list: boolean,
): void {
  (paths ?? []).forEach((path, i) => {
    const inner = list ? (path.startsWith('data.') ? path.slice(5) : null) : path;
    if (inner === null || !allowed.includes(inner)) {
      throw invalidRequest(`This property cannot be expanded (${path}).`, {
        code: 'parameter_invalid',
        param: `expand[${i}]`,
      });
    }
  });
}
