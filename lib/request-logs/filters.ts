/**
 * What Developers → Logs can filter on: plain values shared by the URL parser,
 * the filter form and the repository (no database code here).
 */
export const STATUS_CLASSES = ['succeeded', 'failed', '4xx', '5xx'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

/** The methods the /v1 API answers (the table's CHECK allows a few more). */
export const LOGGED_METHODS = ['GET', 'POST', 'DELETE'] as const;
export type LoggedMethod = (typeof LOGGED_METHODS)[number];

export interface RequestLogFilter {
  statusClass?: StatusClass;
  /** One exact HTTP status. */
  status?: number;
  /** Matches paths that start with it, literally (`/v1/customers` finds `/v1/customers/cus_…`). */
  pathPrefix?: string;
  method?: LoggedMethod;
}

/** Walk from a request of the list: towards older requests, or newer ones. */
export interface LogCursor {
  requestId: string;
  direction: 'older' | 'newer';
}
