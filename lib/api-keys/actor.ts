import type { RequestContext } from '@/lib/auth/request-context';

/** Who manages keys, and for which merchant: every use case is scoped by merchantId. */
export interface ApiKeyActor {
  merchantId: string;
  userId: string;
  email: string;
  context?: RequestContext;
}
