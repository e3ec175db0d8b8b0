import { describe, expect, it } from 'vitest';
import { TEST_CARDS } from '@/lib/cards/test-cards';
import type { AuthorizeRequest } from '@/lib/gateways/gateway';
import { authorizationResponse, decideAuthorization, toOutcome } from './responses';

const request = (number: string, over: Partial<AuthorizeRequest> = {}): AuthorizeRequest => ({
  reference: 'ref_1',
  amount: 2000,
  currency: 'USD',
  capture: true,
  card: { number, expMonth: 12, expYear: 2030, cvc: '123', brand: 'visa', last4: number.slice(-4) },
  ...over,
});

describe('sandbox decisions follow lib/cards/test-cards.ts', () => {
  it.each(TEST_CARDS.map((c) => [c.number, c.behavior.kind, c] as const))(
    '%s (%s)',
    (number, _kind, card) => {
      const outcome = toOutcome(
        authorizationResponse('sandbox_alpha', 'ch_x', request(number), decideAuthorization(request(number))),
      );
      switch (card.behavior.kind) {
        case 'decline':
          expect(outcome).toMatchObject({
            outcome: 'declined',
            code: card.behavior.code,
            declineCode: card.behavior.declineCode,
            message: card.behavior.message,
          });
          break;
        case 'requires_action':
          expect(outcome).toMatchObject({ outcome: 'requires_action', gatewayTransactionId: 'ch_x' });
          expect(outcome.raw.next_action).toEqual({
            type: 'three_d_secure',
            three_d_secure: { challenge: 'ch_x' },
          });
          break;
        default:
          expect(outcome).toMatchObject({
            outcome: 'approved',
            gatewayTransactionId: 'ch_x',
            captured: true,
          });
      }
    },
  );

  it('approves a 3-D Secure card once the customer has authenticated', () => {
    expect(decideAuthorization(request('4000002500003155', { authenticated: true }))).toMatchObject({
      status: 'approved',
      captured: true,
    });
  });

  it('marks the highest-risk and dispute cards, and leaves capture to the request', () => {
    const risky = authorizationResponse(
      'sandbox_beta',
      'ch_r',
      request('4100000000000019', { capture: false }),
      decideAuthorization(request('4100000000000019', { capture: false })),
    );
    expect(risky).toMatchObject({ captured: false, outcome: { risk_level: 'highest', risk_score: 95 } });
    expect(decideAuthorization(request('4000000000009235'))).toMatchObject({
      status: 'approved',
      riskLevel: 'elevated',
    });
    const dispute = authorizationResponse(
      'sandbox_beta',
      'ch_d',
      request('4000000000000259'),
      decideAuthorization(request('4000000000000259')),
    );
    expect(dispute).toMatchObject({ dispute_after_capture: true, outcome: { risk_level: 'normal' } });
  });

  it('reports our fraud assessment as its outcome when the request carries one', () => {
    const req = request('4242424242424242', { risk: { level: 'elevated', score: 55 } });
    expect(authorizationResponse('sandbox_alpha', 'ch_o', req, decideAuthorization(req))).toMatchObject({
      outcome: { type: 'authorized', risk_level: 'elevated', risk_score: 55 },
    });
  });

  it('any other card number succeeds', () => {
    expect(decideAuthorization(request('4111111111111111')).status).toBe('approved');
  });

  it('the stored response holds brand and last4, never the number, expiry or CVC', () => {
    const response = authorizationResponse(
      'sandbox_alpha',
      'ch_y',
      request('4242424242424242'),
      decideAuthorization(request('4242424242424242')),
    );
    const text = JSON.stringify(response);
    expect(response.card).toEqual({ brand: 'visa', last4: '4242' });
    expect(text).not.toContain('4242424242424242');
    expect(text).not.toMatch(/cvc|exp/i);
  });
});
