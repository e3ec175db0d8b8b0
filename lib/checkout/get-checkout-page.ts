import { db } from '@/lib/db/client';
import { clock } from '@/lib/clock';
import { getMerchantBranding } from '@/lib/merchants/get-merchant-branding';
import { findPayment } from '@/lib/payments/repository';
import { statusOfPayment } from '@/lib/payments/status';
import { cardSummaries } from '@/lib/vault';
import { expireLockedSession } from './expire-checkout-session';
import { fillSessionId } from './redirect-url';
import { lineItemsOf, lockSession, sessionScope, type SessionRow } from './repository';
import { checkoutSessionId, parseCheckoutSessionId } from './session-id';
import type { CheckoutPageView } from './types';

/**
 * What the hosted page shows for `cs_…`; null for an unknown or malformed id.
 * An open session whose time has passed is expired here and now (under its
 * lock, with its event), so the page never offers a form the pay call would
 * refuse, even if the worker's sweep has not reached it yet.
 */
export async function getCheckoutPage(sessionId: string): Promise<CheckoutPageView | null> {
  const parsed = parseCheckoutSessionId(sessionId);
  if (!parsed) return null;
  const client = db();
  const scope = await sessionScope(client, parsed.uuid, parsed.livemode);
  if (!scope) return null;
  let session = await client.checkoutSession.findFirst({ where: { id: parsed.uuid, ...scope } });
  if (!session) return null;
  if (session.status === 'open' && session.expiresAt <= clock.now()) {
    session = await client.$transaction(async (tx) => {
      const locked = await lockSession(tx, scope, parsed.uuid);
      if (!locked || locked.status !== 'open' || locked.expiresAt > clock.now()) return locked;
      return expireLockedSession(tx, scope, locked);
    });
    if (!session) return null;
  }
  return view(session);
}

async function view(session: SessionRow): Promise<CheckoutPageView | null> {
  const client = db();
  const scope = { merchantId: session.merchantId, livemode: session.livemode };
  const [merchant, items, payment] = await Promise.all([
    getMerchantBranding(client, session.merchantId),
    lineItemsOf(client, session.id),
    session.paymentId ? findPayment(client, scope, session.paymentId) : Promise.resolve(null),
  ]);
  if (!merchant) return null;
  const id = checkoutSessionId(session.id, session.livemode);
  let paymentView: CheckoutPageView['payment'] = null;
  if (payment) {
    const card = payment.paymentMethodToken
      ? (await cardSummaries(client, scope, [payment.paymentMethodToken])).get(payment.paymentMethodToken)
      : undefined;
    const status = statusOfPayment(payment);
    const next = payment.nextAction as { redirect_to_url?: { url?: string | null } } | null;
    const error = payment.lastPaymentError as { message?: string } | null;
    paymentView = {
      status,
      brand: card?.brand ?? null,
      last4: card?.last4 ?? null,
      amount: Number(payment.amount),
      paidAt: payment.capturedAt ?? (status === 'requires_capture' ? payment.updatedAt : null),
      challengeUrl: status === 'requires_action' ? (next?.redirect_to_url?.url ?? null) : null,
      errorMessage: status === 'requires_payment_method' ? (error?.message ?? null) : null,
    };
  }
  return {
    id,
    status: session.status as CheckoutPageView['status'],
    livemode: session.livemode,
    merchant: { name: merchant.name, brandColor: merchant.brandColor, logoUrl: merchant.logoUrl },
    currency: session.currency,
    amountSubtotal: Number(session.amountSubtotal),
    amountTotal: Number(session.amountTotal),
    lineItems: items.map((item) => ({
      name: item.name,
      description: item.description,
      images: item.images,
      quantity: item.quantity,
      unitAmount: Number(item.unitAmount),
      amountTotal: Number(item.amountTotal),
    })),
    customerEmail: session.customerEmail,
    successUrl: fillSessionId(session.successUrl, id),
    cancelUrl: session.cancelUrl,
    expiresAt: session.expiresAt,
    payment: paymentView,
  };
}
