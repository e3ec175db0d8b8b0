/**
 * The object of a dashboard test event: the resource the type is about, with
 * the fields receivers usually read, marked as a test in its id and metadata.
 */
const PREFIX: Record<string, [object: string, prefix: string]> = {
  payment_intent: ['payment_intent', 'pi'],
  charge: ['charge', 'ch'],
  'charge.dispute': ['dispute', 'dp'],
  'charge.refund': ['refund', 're'],
  refund: ['refund', 're'],
  customer: ['customer', 'cus'],
  payment_method: ['payment_method', 'pm'],
  'checkout.session': ['checkout.session', 'cs'],
  balance: ['balance', 'bal'],
};

export function sampleObject(type: string, livemode: boolean, now: Date): Record<string, unknown> {
  const resource = type.slice(0, type.lastIndexOf('.'));
  const [object, prefix] = PREFIX[resource] ?? [resource, 'obj'];
  const base = {
    id: `${prefix}_test_webhook`,
    object,
    created: Math.floor(now.getTime() / 1000),
    livemode,
    metadata: { test_webhook: 'true' },
  };
  if (object === 'balance') {
    return {
      object,
      livemode,
      available: [{ amount: 1000, currency: 'usd' }],
      pending: [{ amount: 0, currency: 'usd' }],
    };
  }
  if (object === 'customer' || object === 'payment_method') return base;
  return { ...base, amount: 1000, currency: 'usd' };
}
