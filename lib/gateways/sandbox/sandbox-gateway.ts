import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuthorizeRequest, Gateway, GatewayOutcome } from '@/lib/gateways/gateway';
import {
  completeAuthentication,
  findByReference,
  insertOperation,
  isUniqueViolation,
  updateTotals,
  withAuthorizationLocked,
  type BookRow,
} from './book';
import { drawFailure, sandboxConfig, type SandboxGatewayName } from './config';
import {
  authorizationResponse,
  decideAuthorization,
  REFUSALS,
  toOutcome,
  type Refusal,
  type SandboxResponse,
} from './responses';

/**
 * A simulated card processor. It answers Stripe's test cards deterministically
 * (lib/cards/test-cards.ts), keeps its own durable book, and treats our
 * `reference` as its idempotency key: the same reference is the same operation
 * and gets the first answer again, whatever happened in between.
 *
 * Its configured latency is slept before every call; its configured failures
 * happen before processing (nothing is booked), which is what makes them
 * retryable on another gateway.
 */
type FollowUp = 'capture' | 'void' | 'refund';

const stored = (row: BookRow) => row.response as unknown as SandboxResponse;
// Alphanumeric like Stripe's ids. Not hex: 24 hex characters hold a run of 13+
// digits often enough that PAN masking (lib/log, ./mask) would mangle the id.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const newId = (kind: string, short: string) =>
  `${kind}_${short}_${Array.from(randomBytes(24), (b) => ALPHABET[b % ALPHABET.length]).join('')}`;

function mismatch(name: string, reference: string): GatewayOutcome {
  return {
    outcome: 'error',
    // The processor did nothing with this call, but the reference is taken by
    // another operation: a caller bug, which another gateway must not paper over.
    retryable: false,
    message: `${name}: reference ${reference} was already used for a different operation`,
    raw: { gateway: name, reference, error: { type: 'idempotency_error' } },
  };
}

function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError('amount must be a positive integer');
}

export class SandboxGateway implements Gateway {
  private readonly short: string;

  constructor(readonly name: SandboxGatewayName) {
    this.short = name.replace(/^sandbox_/, '');
  }

  /** The configured latency, then the configured pre-processing failure (if drawn). */
  private async network(reference: string): Promise<GatewayOutcome | null> {
    const { latencyMs } = sandboxConfig(this.name);
    if (latencyMs > 0) await sleep(latencyMs);
    if (!drawFailure(this.name)) return null;
    return {
      outcome: 'error',
      retryable: true,
      message: `${this.name}: simulated processor failure before processing`,
      raw: { gateway: this.name, reference, error: { type: 'api_connection_error', simulated: true } },
    };
  }

  async authorize(request: AuthorizeRequest): Promise<GatewayOutcome> {
    assertAmount(request.amount);
    const failed = await this.network(request.reference);
    if (failed) return failed;

    const existing = await findByReference(this.name, request.reference);
    if (existing) return this.replayAuthorization(existing, request);

    const id = newId('ch', this.short);
    const decision = decideAuthorization(request);
    const response = authorizationResponse(this.name, id, request, decision);
    try {
      await insertOperation({
        gateway: this.name,
        reference: request.reference,
        operation: 'authorize',
        gatewayTransactionId: id,
        amount: request.amount,
        currency: request.currency,
        status: decision.status,
        declineCode: decision.declineCode,
        cardBrand: request.card.brand,
        cardLast4: request.card.number.slice(-4),
        capturedAmount: decision.status === 'approved' && decision.captured ? request.amount : 0,
        response,
      });
      return toOutcome(response);
    } catch (err) {
      // The same reference raced us: the first one booked is the answer.
      if (!isUniqueViolation(err)) throw err;
      const winner = await findByReference(this.name, request.reference);
      if (!winner) throw err;
      return this.replayAuthorization(winner, request);
    }
  }

  private async replayAuthorization(row: BookRow, request: AuthorizeRequest): Promise<GatewayOutcome> {
    const response = stored(row);
    if (
      row.operation !== 'authorize' ||
      Number(row.amount) !== request.amount ||
      row.currency !== request.currency
    ) {
      return mismatch(this.name, request.reference);
    }
    // The customer completed 3-D Secure: the waiting authorization goes through.
    if (row.status === 'requires_action' && request.authenticated) {
      const decision = decideAuthorization(request);
      const completed = authorizationResponse(this.name, row.gatewayTransactionId, request, decision);
      await completeAuthentication(row.id, decision.captured ? request.amount : 0, completed);
      const now = await findByReference(this.name, request.reference);
      return toOutcome(stored(now ?? row));
    }
    return toOutcome(response);
  }

  capture(gatewayTransactionId: string, amount: number, reference: string): Promise<GatewayOutcome> {
    assertAmount(amount);
    return this.followUp('capture', gatewayTransactionId, amount, reference, (auth) => {
      if (auth.status !== 'approved') return 'charge_not_authorized';
      if (auth.voided) return 'charge_voided';
      if (auth.capturedAmount > 0n) return 'charge_already_captured';
      if (BigInt(amount) > auth.amount) return 'amount_too_large';
      return { capturedAmount: amount };
    });
  }

  void(gatewayTransactionId: string, reference: string): Promise<GatewayOutcome> {
    return this.followUp('void', gatewayTransactionId, null, reference, (auth) => {
      if (auth.status !== 'approved') return 'charge_not_authorized';
      if (auth.capturedAmount > 0n) return 'charge_already_captured';
      if (auth.voided) return 'charge_voided';
      return { voided: true };
    });
  }

  refund(gatewayTransactionId: string, amount: number, reference: string): Promise<GatewayOutcome> {
    assertAmount(amount);
    return this.followUp('refund', gatewayTransactionId, amount, reference, (auth) => {
      if (auth.status !== 'approved' || auth.capturedAmount === 0n) return 'charge_not_captured';
      if (auth.refundedAmount + BigInt(amount) > auth.capturedAmount) return 'amount_too_large';
      return { refundedAmount: Number(auth.refundedAmount) + amount };
    });
  }

  /**
   * A capture, void or refund: booked under the authorization's row lock, so
   * two refunds racing cannot both fit into what one leaves. `amount` null
   * means the operation's amount is what remains authorized (a void).
   */
  private async followUp(
    operation: FollowUp,
    chargeId: string,
    amount: number | null,
    reference: string,
    decide: (
      auth: BookRow,
    ) => Refusal | { capturedAmount?: number; refundedAmount?: number; voided?: boolean },
  ): Promise<GatewayOutcome> {
    const failed = await this.network(reference);
    if (failed) return failed;
    const replay = (row: BookRow) =>
      row.operation === operation &&
      stored(row).charge === chargeId &&
      (amount === null || Number(row.amount) === amount)
        ? toOutcome(stored(row))
        : mismatch(this.name, reference);

    const existing = await findByReference(this.name, reference);
    if (existing) return replay(existing);
    try {
      return await withAuthorizationLocked(this.name, chargeId, async (tx, auth) => {
        if (!auth) return this.missing(operation, chargeId, reference);
        // Checked again under the lock: a twin call may have booked it meanwhile.
        const twin = await findByReference(this.name, reference, tx);
        if (twin) return replay(twin);

        const verdict = decide(auth);
        const opAmount = amount ?? Number(auth.amount);
        const id = newId(operation === 'capture' ? 'cap' : operation === 'void' ? 'void' : 're', this.short);
        const approved = typeof verdict !== 'string';
        const response: SandboxResponse = {
          id,
          object: 'sandbox.operation',
          gateway: this.name,
          operation,
          reference,
          status: approved ? 'approved' : 'declined',
          amount: opAmount,
          currency: auth.currency,
          charge: auth.gatewayTransactionId,
          captured: operation === 'capture' ? approved : auth.capturedAmount > 0n,
          ...(!approved && { code: verdict, decline_code: verdict, message: REFUSALS[verdict] }),
        };
        await insertOperation(
          {
            gateway: this.name,
            reference,
            operation,
            parentId: auth.id,
            gatewayTransactionId: id,
            amount: opAmount,
            currency: auth.currency,
            status: response.status,
            declineCode: approved ? undefined : verdict,
            response,
          },
          tx,
        );
        if (approved) await updateTotals(tx, auth.id, verdict);
        return toOutcome(response);
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const winner = await findByReference(this.name, reference);
      if (!winner) throw err;
      return replay(winner);
    }
  }

  /** No such authorization here: a definite answer (nothing happened), not booked. */
  private missing(operation: FollowUp, chargeId: string, reference: string): GatewayOutcome {
    return {
      outcome: 'declined',
      code: 'resource_missing',
      declineCode: 'resource_missing',
      message: `No such payment: ${chargeId}`,
      raw: { gateway: this.name, operation, reference, charge: chargeId, code: 'resource_missing' },
    };
  }
}
