import type { StatusAction } from './merchant-status';

/** What the merchant's owners are told when an operator changes the account's status. */
export function statusMail(
  action: StatusAction,
  businessName: string,
  reason: string | null,
): { subject: string; body: string } {
  const because = reason ? `\n\nReason given by our team: ${reason}` : '';
  switch (action) {
    case 'approve':
      return {
        subject: `${businessName} is approved`,
        body: `Good news: ${businessName} has been reviewed and approved. Your account is active and verified, and live mode is available in the dashboard.`,
      };
    case 'suspend':
      return {
        subject: `${businessName} has been suspended`,
        body: `Your account ${businessName} has been suspended by our team. While it is suspended, live payments are not available.${because}\n\nReply to this message if you have questions or want to provide more information.`,
      };
    case 'reactivate':
      return {
        subject: `${businessName} is active again`,
        body: `Your account ${businessName} has been reactivated. Everything that was paused by the suspension is available again.${because}`,
      };
    case 'close':
      return {
        subject: `${businessName} has been closed`,
        body: `Your account ${businessName} has been closed by our team. A closed account cannot take payments and cannot be reopened.${because}`,
      };
  }
}
