import { afterEach, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '@/lib/cards/test-cards';
import { getGateway } from '@/lib/gateways/registry';
import { configureSandbox, resetSandboxConfig, SANDBOX_GATEWAYS } from '@/lib/gateways/sandbox/config';
import { one, query } from '@/tests/helpers/fixtures';
import { authorizeRequest, book } from './helpers';

/**
 * The sandbox processors against real PostgreSQL: Stripe's test cards on both,
 * processor-side idempotency by reference, and the bounds of capture, void and
 * refund, all read back from the processor's own book.
 */
afterEach(() => resetSandboxConfig());

const CASES = SANDBOX_GATEWAYS.flatMap((gateway) => TEST_CARDS.map((card) => ({ gateway, card })));

describe.each(SANDBOX_GATEWAYS)('%s', (name) => {
  const gateway = getGateway(name);

  it('books an authorization with brand and last4 only, never the number or CVC', async () => {
    const request = authorizeRequest('4242424242424242');
    const outcome = await gateway.authorize(request);
    expect(outcome).toMatchObject({ outcome: 'approved', captured: false });
    const row = await one('SELECT * FROM sandbox_gateway_operations WHERE reference = $1', [
      request.reference,
    ]);
    expect(row).toMatchObject({
      gateway: name,
      operation: 'authorize',
      status: 'approved',
      card_brand: 'visa',
      card_last4: '4242',
    });
    const everything = JSON.stringify(row);
    expect(everything).not.toContain('4242424242424242');
    expect(everything).not.toContain('"123"');
    expect(JSON.stringify(outcome)).not.toContain('4242424242424242');
  });

  it('the same reference is the same operation: first answer again, no second book entry', async () => {
    const request = authorizeRequest('4000000000009995');
    const first = await gateway.authorize(request);
    const again = await gateway.authorize(request);
    expect(again).toEqual(first);
    const [a, b] = await Promise.all([
      gateway.authorize(authorizeRequest(undefined, { reference: 'twin' })),
      gateway.authorize(authorizeRequest(undefined, { reference: 'twin' })),
    ]);
    expect(a).toEqual(b);
    expect(
      await book('reference = ANY($1) AND gateway = $2', [[request.reference, 'twin'], name]),
    ).toHaveLength(2);
  });

  it('a reference reused with other parameters is refused, not replayed', async () => {
    const request = authorizeRequest();
    await gateway.authorize(request);
    expect(await gateway.authorize({ ...request, amount: 999 })).toMatchObject({
      outcome: 'error',
      retryable: false,
    });
  });

  it('3-D Secure: requires_action with a next action, then approved on the same reference once authenticated', async () => {
    const request = authorizeRequest('4000002500003155', { capture: true });
    const challenged = await gateway.authorize(request);
    expect(challenged).toMatchObject({
      outcome: 'requires_action',
      raw: { next_action: { type: 'three_d_secure' } },
    });
    const done = await gateway.authorize({ ...request, authenticated: true });
    expect(done).toMatchObject({ outcome: 'approved', captured: true });
    expect(
      done.outcome === 'approved' && challenged.outcome === 'requires_action' && done.gatewayTransactionId,
    ).toBe(challenged.outcome === 'requires_action' && challenged.gatewayTransactionId);
    expect(await book('reference = $1', [request.reference])).toMatchObject([
      { status: 'approved', captured_amount: '2000' },
    ]);
  });

  it('capture ≤ authorized, once; refunds ≤ captured; void only while uncaptured', async () => {
    const auth = await gateway.authorize(authorizeRequest('4242424242424242', { amount: 5000 }));
    if (auth.outcome !== 'approved') throw new Error('expected approval');
    const id = auth.gatewayTransactionId;
    expect(await gateway.capture(id, 5001, 'cap_too_much')).toMatchObject({
      outcome: 'declined',
      code: 'amount_too_large',
    });
    expect(await gateway.capture(id, 4000, 'cap_1')).toMatchObject({
      outcome: 'approved',
      gatewayTransactionId: id,
      captured: true,
    });
    expect(await gateway.capture(id, 4000, 'cap_1')).toMatchObject({ outcome: 'approved' });
    expect(await gateway.capture(id, 1000, 'cap_2')).toMatchObject({
      outcome: 'declined',
      code: 'charge_already_captured',
    });
    expect(await gateway.void(id, 'void_late')).toMatchObject({
      outcome: 'declined',
      code: 'charge_already_captured',
    });

    const r1 = await gateway.refund(id, 3000, 're_1');
    expect(r1).toMatchObject({ outcome: 'approved' });
    expect(r1.outcome === 'approved' && r1.gatewayTransactionId).not.toBe(id);
    expect(await gateway.refund(id, 1001, 're_2')).toMatchObject({
      outcome: 'declined',
      code: 'amount_too_large',
    });
    // Concurrent refunds of the rest: exactly one fits.
    const racing = await Promise.all([gateway.refund(id, 1000, 're_a'), gateway.refund(id, 1000, 're_b')]);
    expect(racing.map((o) => o.outcome).sort()).toEqual(['approved', 'declined']);
    expect(await book('reference = $1', [auth.raw.reference])).toMatchObject([
      { captured_amount: '4000', refunded_amount: '4000' },
    ]);
  });

  it('void releases an uncaptured authorization, after which it cannot be captured; refunds need a capture', async () => {
    const auth = await gateway.authorize(authorizeRequest());
    if (auth.outcome !== 'approved') throw new Error('expected approval');
    const id = auth.gatewayTransactionId;
    expect(await gateway.refund(id, 100, 're_uncaptured')).toMatchObject({
      outcome: 'declined',
      code: 'charge_not_captured',
    });
    expect(await gateway.void(id, 'void_1')).toMatchObject({ outcome: 'approved', captured: false });
    expect(await gateway.capture(id, 100, 'cap_after_void')).toMatchObject({
      outcome: 'declined',
      code: 'charge_voided',
    });
    expect(await gateway.void('ch_nobody', 'void_missing')).toMatchObject({
      outcome: 'declined',
      code: 'resource_missing',
    });
  });

  it('a configured failure happens before processing: retryable, nothing booked; latency is slept', async () => {
    configureSandbox(name, { failureRate: 1, latencyMs: 60 });
    const request = authorizeRequest();
    const started = performance.now();
    expect(await gateway.authorize(request)).toMatchObject({ outcome: 'error', retryable: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(await book('reference = $1', [request.reference])).toEqual([]);
  });
});

describe('every test card on both processors', () => {
  it.each(CASES.map((c) => [c.gateway, c.card.number, c.card.behavior.kind, c] as const))(
    '%s %s → %s',
    async (_g, _n, _k, { gateway, card }) => {
      const request = authorizeRequest(card.number, { capture: true });
      const outcome = await getGateway(gateway).authorize(request);
      const [row] = await book('reference = $1 AND gateway = $2', [request.reference, gateway]);
      switch (card.behavior.kind) {
        case 'decline':
          expect(outcome).toMatchObject({
            outcome: 'declined',
            code: card.behavior.code,
            declineCode: card.behavior.declineCode,
          });
          expect(row).toMatchObject({ status: 'declined', captured_amount: '0' });
          break;
        case 'requires_action':
          expect(outcome).toMatchObject({ outcome: 'requires_action' });
          expect(row).toMatchObject({ status: 'requires_action', captured_amount: '0' });
          break;
        default:
          expect(outcome).toMatchObject({ outcome: 'approved', captured: true });
          expect(row).toMatchObject({ status: 'approved', captured_amount: '2000' });
          if (card.behavior.kind === 'risk')
            expect(outcome.raw).toMatchObject({ outcome: { risk_level: card.behavior.riskLevel } });
          if (card.behavior.kind === 'dispute_after_capture')
            expect(outcome.raw).toMatchObject({ dispute_after_capture: true });
      }
    },
  );

  it('left nothing but masked card data in the book', async () => {
    const rows = await query(`SELECT response::text AS r FROM sandbox_gateway_operations`);
    for (const { r } of rows) expect(r).not.toMatch(/\d{13,}/);
  });
});
