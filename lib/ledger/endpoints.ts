import type { Endpoint } from '@/lib/api/endpoint';
import {
  balanceObject,
  balanceTransactionListObject,
  balanceTransactionObject,
  listBalanceTransactionsParams,
  retrieveBalanceParams,
  retrieveBalanceTransactionParams,
} from './schemas';

const tag = 'Balance';
const read = { resource: 'balance', access: 'read' } as const;

export const balanceEndpoints = {
  retrieve: {
    name: 'balance.retrieve',
    method: 'GET',
    path: '/v1/balance',
    summary: 'Retrieve the balance',
    description: 'Available and pending funds per currency, for the mode of the key.',
    tag,
    access: read,
    params: retrieveBalanceParams,
    response: balanceObject,
    example: {},
  },
  retrieveTransaction: {
    name: 'balance_transactions.retrieve',
    method: 'GET',
    path: '/v1/balance_transactions/{id}',
    summary: 'Retrieve a balance transaction',
    tag,
    access: read,
    params: retrieveBalanceTransactionParams,
    pathParams: { id: 'The balance transaction id (`txn_…`).' },
    response: balanceTransactionObject,
    example: { pathParams: { id: 'txn_2PHj2kS4xnBFHSHpNJeNOH' } },
  },
  listTransactions: {
    name: 'balance_transactions.list',
    method: 'GET',
    path: '/v1/balance_transactions',
    summary: 'List balance transactions',
    description: 'Newest first; filter by `type`, `source` (`pi_…`/`re_…`), `currency` and `created`.',
    tag,
    access: read,
    params: listBalanceTransactionsParams,
    response: balanceTransactionListObject,
    list: true,
    example: { params: { limit: 3, type: 'charge' } },
  },
} satisfies Record<string, Endpoint>;
