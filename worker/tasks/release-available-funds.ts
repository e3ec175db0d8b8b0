import type { Task } from 'graphile-worker';
import { releaseAvailableFunds } from '@/lib/ledger/release-available-funds';

/** Charges whose available_on has come: pending → available (lib/ledger/release-available-funds.ts). */
export const releaseAvailableFundsTask: Task = async (_payload, helpers) => {
  const released = await releaseAvailableFunds();
  if (released > 0) helpers.logger.info(`released ${released} balance transactions to available`);
};
