import type { DbTx } from '@/lib/db/client';

/**
 * The only code that queries `fraud_logs`. Every function takes the merchant
 * and the mode; another merchant's log is simply not there.
 */
export interface Scope {
  merchantId: string;
  livemode: boolean;
}

export interface FraudLogInput {
  paymentId: string;
  paymentCreatedAt: Date;
  /** 0..100 (seed 000's risk_score): our 0..1 score × 100. */
  riskScore: number;
  isFraudulent: boolean;
  /** The rule codes that fired, comma-separated. */
  details: string;
  createdAt: Date;
}

export async function insertFraudLog(tx: DbTx, scope: Scope, input: FraudLogInput): Promise<void> {
  // createMany: a plain INSERT without RETURNING (nothing is read back).
  await tx.fraudLog.createMany({
    data: [
      {
        paymentId: input.paymentId,
        paymentCreatedAt: input.paymentCreatedAt,
        merchantId: scope.merchantId,
        livemode: scope.livemode,
        riskScore: input.riskScore,
        isFraudulent: input.isFraudulent,
        details: input.details,
        createdAt: input.createdAt,
      },
    ],
  });
}

export interface FraudLogRow {
  riskScore: number;
  isFraudulent: boolean;
  details: string | null;
  createdAt: Date;
}

/** The payment's latest assessment (one per confirm attempt), or null. */
export function findLatestFraudLog(tx: DbTx, scope: Scope, paymentId: string): Promise<FraudLogRow | null> {
  return tx.fraudLog.findFirst({
    where: { paymentId, merchantId: scope.merchantId, livemode: scope.livemode },
    orderBy: { createdAt: 'desc' },
    select: { riskScore: true, isFraudulent: true, details: true, createdAt: true },
  });
}
