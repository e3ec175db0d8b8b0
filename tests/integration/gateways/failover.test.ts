import { beforeEach, describe, expect, it } from 'vitest';
import { advanceClockForTests, resetClockForTests } from '@/lib/clock';
import { authorizeWithRouting, captureOn, refundOn, voidOn } from '@/lib/gateways/authorize-with-routing';
import { CIRCUIT_POLICY } from '@/lib/gateways/circuit';
import { getGateway } from '@/lib/gateways/registry';
import { gatewayHealth, resetGatewayHealth, resetLocalGatewayHealthForTests } from '@/lib/gateways/health';
import { configureSandbox, resetSandboxConfig, SANDBOX_GATEWAYS } from '@/lib/gateways/sandbox/config';
import { checkHealth } from '@/lib/health/check-health';
import { insertMerchant, query } from '@/tests/helpers/fixtures';
import { authorizeRequest, book } from './helpers';

/**
 * Routing, health and failover against real PostgreSQL and Redis. "Charged
 * twice" is read from the processors' own books: exactly one approved
 * authorization per reference across both gateways.
 */
let scope: { merchantId: string; livemode: boolean };

beforeEach(async () => {
  resetSandboxConfig();
  resetClockForTests();
  resetLocalGatewayHealthForTests();
  for (const g of SANDBOX_GATEWAYS) await resetGatewayHealth(g);
  scope = { merchantId: await insertMerchant(), livemode: false };
});

const healthOf = async (gateway: string) => (await gatewayHealth()).find((h) => h.gateway === gateway)!;

/** Booked authorizations per reference across both processors. */
async function authorizationsPerReference(references: string[]) {
  return query<{ reference: string; approved: number; total: number }>(
    `SELECT reference, count(*) FILTER (WHERE status = 'approved')::int AS approved, count(*)::int AS total
       FROM sandbox_gateway_operations WHERE operation = 'authorize' AND reference = ANY($1)
      GROUP BY reference ORDER BY reference`,
    [references],
  );
}

describe('failover', () => {
  it('alpha failing 100%: every payment succeeds on beta, health shows it, none is charged twice', async () => {
    configureSandbox('sandbox_alpha', { failureRate: 1 });
    const requests = Array.from({ length: 12 }, () =>
      authorizeRequest('4242424242424242', { capture: true }),
    );

    const results = [];
    for (const request of requests.slice(0, 8)) results.push(await authorizeWithRouting(scope, request));
    // The rest at once: concurrency must not change the guarantee.
    results.push(...(await Promise.all(requests.slice(8).map((r) => authorizeWithRouting(scope, r)))));

    for (const r of results) {
      expect(r).toMatchObject({ gateway: 'sandbox_beta', outcome: { outcome: 'approved', captured: true } });
      expect(r.calls.at(-1)).toMatchObject({
        gateway: 'sandbox_beta',
        operation: 'authorize',
        outcome: 'approved',
      });
    }
    // Alpha was tried until its circuit opened (5 calls, all failed), then skipped.
    expect(results.slice(0, 5).map((r) => r.calls.map((c) => c.gateway))).toEqual(
      Array(5).fill(['sandbox_alpha', 'sandbox_beta']),
    );
    expect(results[0]!.calls[0]).toMatchObject({
      outcome: 'error',
      raw: { error: { type: 'api_connection_error' } },
    });
    for (const r of results.slice(5)) {
      expect(r.skipped).toEqual(['sandbox_alpha']);
      expect(r.calls).toHaveLength(1);
    }

    const refs = requests.map((r) => r.reference);
    expect(await book("gateway = 'sandbox_alpha'")).toEqual([]);
    expect(await authorizationsPerReference(refs)).toEqual(
      [...refs].sort().map((reference) => ({ reference, approved: 1, total: 1 })),
    );

    // Retrying a whole payment (same reference) is the same charge, not a second one.
    const retried = await authorizeWithRouting(scope, requests[0]!);
    expect(retried.outcome).toEqual(results[0]!.outcome);
    expect(await book('reference = $1', [requests[0]!.reference])).toHaveLength(1);

    expect(await healthOf('sandbox_alpha')).toMatchObject({
      circuit: 'open',
      calls: 5,
      failures: 5,
      successRate: 0,
      source: 'redis',
    });
    expect(await healthOf('sandbox_beta')).toMatchObject({ circuit: 'closed', failures: 0, successRate: 1 });

    const { httpStatus, report } = await checkHealth();
    expect(httpStatus).toBe(200);
    expect(report.status).not.toBe('down');
    expect(report.gateways).toMatchObject({
      sandbox_alpha: { circuit: 'open', success_rate: 0, failures: 5 },
      sandbox_beta: { circuit: 'closed', success_rate: 1 },
    });
  });

  it('a decline is final: never failed over, and it counts as the gateway working', async () => {
    const request = authorizeRequest('4000000000000002');
    const result = await authorizeWithRouting(scope, request);
    expect(result).toMatchObject({
      gateway: 'sandbox_alpha',
      outcome: { outcome: 'declined', code: 'card_declined', declineCode: 'generic_decline' },
    });
    expect(result.calls).toHaveLength(1);
    expect(await book("gateway = 'sandbox_beta' AND reference = $1", [request.reference])).toEqual([]);
    expect(await healthOf('sandbox_alpha')).toMatchObject({ calls: 1, failures: 0, successRate: 1 });
  });

  it('3-D Secure is final too: requires_action on the first gateway, completed there', async () => {
    const request = authorizeRequest('4000002500003155');
    const first = await authorizeWithRouting(scope, request);
    expect(first).toMatchObject({ gateway: 'sandbox_alpha', outcome: { outcome: 'requires_action' } });
    const done = await authorizeWithRouting(scope, { ...request, authenticated: true });
    expect(done).toMatchObject({ gateway: 'sandbox_alpha', outcome: { outcome: 'approved' } });
    expect(await book('reference = $1', [request.reference])).toHaveLength(1);
  });

  it('a non-retryable error (outcome unknown) is not failed over', async () => {
    const request = authorizeRequest();
    await getGateway('sandbox_alpha').authorize(request);
    const reused = await authorizeWithRouting(scope, { ...request, amount: 999 });
    expect(reused).toMatchObject({
      gateway: 'sandbox_alpha',
      outcome: { outcome: 'error', retryable: false },
    });
    expect(reused.calls).toHaveLength(1);
    expect(await book("gateway = 'sandbox_beta' AND reference = $1", [request.reference])).toEqual([]);
  });

  it('an open circuit lets one probe through after the cooldown; success closes it', async () => {
    configureSandbox('sandbox_alpha', { failureRate: 1 });
    for (let i = 0; i < CIRCUIT_POLICY.minCalls; i++) await authorizeWithRouting(scope, authorizeRequest());
    expect((await healthOf('sandbox_alpha')).circuit).toBe('open');

    // Alpha has recovered, but the circuit is still open: beta takes the payment.
    configureSandbox('sandbox_alpha', { failureRate: 0 });
    expect(await authorizeWithRouting(scope, authorizeRequest())).toMatchObject({
      gateway: 'sandbox_beta',
      skipped: ['sandbox_alpha'],
    });

    // A probe that fails opens it again for another cooldown.
    configureSandbox('sandbox_alpha', { failureRate: 1 });
    advanceClockForTests(CIRCUIT_POLICY.cooldownMs);
    const probed = await authorizeWithRouting(scope, authorizeRequest());
    expect(probed.calls.map((c) => [c.gateway, c.outcome])).toEqual([
      ['sandbox_alpha', 'error'],
      ['sandbox_beta', 'approved'],
    ]);
    expect((await healthOf('sandbox_alpha')).circuit).toBe('open');
    expect((await authorizeWithRouting(scope, authorizeRequest())).skipped).toEqual(['sandbox_alpha']);

    // After the next cooldown, a successful probe closes it.
    configureSandbox('sandbox_alpha', { failureRate: 0 });
    advanceClockForTests(CIRCUIT_POLICY.cooldownMs);
    expect(await authorizeWithRouting(scope, authorizeRequest())).toMatchObject({
      gateway: 'sandbox_alpha',
      outcome: { outcome: 'approved' },
      skipped: [],
    });
    expect(await healthOf('sandbox_alpha')).toMatchObject({ circuit: 'closed', calls: 1, failures: 0 });
  });

  it('with every circuit open, the gateway that failed least recently is still tried', async () => {
    configureSandbox('sandbox_alpha', { failureRate: 1 });
    configureSandbox('sandbox_beta', { failureRate: 1 });
    let last;
    for (let i = 0; i < CIRCUIT_POLICY.minCalls; i++) {
      last = await authorizeWithRouting(scope, authorizeRequest());
      advanceClockForTests(10);
    }
    expect(last).toMatchObject({ gateway: 'sandbox_beta', outcome: { outcome: 'error', retryable: true } });
    expect((await gatewayHealth()).map((h) => h.circuit)).toEqual(['open', 'open']);

    configureSandbox('sandbox_alpha', { failureRate: 0 });
    const forced = await authorizeWithRouting(scope, authorizeRequest());
    expect(forced).toMatchObject({
      gateway: 'sandbox_alpha',
      outcome: { outcome: 'approved' },
      skipped: ['sandbox_alpha', 'sandbox_beta'],
    });
    expect(forced.calls).toHaveLength(1);
    expect((await healthOf('sandbox_alpha')).circuit).toBe('closed');
  });
});

describe('capture, void and refund on the gateway that authorized', () => {
  it('go to that gateway, are recorded with masked raw, and counted in its health', async () => {
    configureSandbox('sandbox_alpha', { failureRate: 1 });
    const auth = await authorizeWithRouting(scope, authorizeRequest('4242424242424242', { amount: 3000 }));
    expect(auth.gateway).toBe('sandbox_beta');
    if (auth.outcome.outcome !== 'approved') throw new Error('expected approval');
    const id = auth.outcome.gatewayTransactionId;

    const capture = await captureOn(auth.gateway, id, 3000, 'cap_1');
    expect(capture).toMatchObject({
      gateway: 'sandbox_beta',
      outcome: { outcome: 'approved', captured: true },
      call: { gateway: 'sandbox_beta', operation: 'capture', reference: 'cap_1', outcome: 'approved' },
    });
    expect(await refundOn(auth.gateway, id, 1000, 're_1')).toMatchObject({
      outcome: { outcome: 'approved' },
    });
    expect(await voidOn(auth.gateway, id, 'void_1')).toMatchObject({
      outcome: { outcome: 'declined', code: 'charge_already_captured' },
    });
    expect(JSON.stringify([auth.calls, capture.call])).not.toContain('4242424242424242');
    expect(await healthOf('sandbox_beta')).toMatchObject({ calls: 4, failures: 0 });
    await expect(captureOn('acme', id, 1, 'x')).rejects.toThrow(/unknown gateway/);
  });
});
