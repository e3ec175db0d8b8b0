import type { ActionState } from '@/lib/auth/action';

/**
 * Why a team change was refused. `not_found` covers both "no such member or
 * invitation" and "it belongs to another merchant": the two are never told
 * apart, so ids of other merchants cannot be probed.
 */
export type TeamErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'owner_required'
  | 'last_owner'
  | 'already_member'
  | 'already_invited'
  | 'email_mismatch'
  | 'invitation_expired'
  | 'invitation_revoked'
  | 'invitation_accepted';

const MESSAGES: Record<TeamErrorCode, string> = {
  not_found: 'That team member or invitation was not found.',
  forbidden: "You don't have permission to do that.",
  owner_required: 'Only an owner can invite, promote, demote or remove owners.',
  last_owner: 'Every account needs at least one owner. Make someone else an owner first.',
  already_member: 'That person is already a member of this team.',
  already_invited: 'An invitation to that address is already pending. Revoke it to send a new one.',
  email_mismatch: 'This invitation was sent to a different email address.',
  invitation_expired: 'This invitation has expired. Ask for a new one.',
  invitation_revoked: 'This invitation was revoked. Ask for a new one.',
  invitation_accepted: 'This invitation has already been accepted.',
};

export class TeamError extends Error {
  constructor(
    readonly code: TeamErrorCode,
    message: string = MESSAGES[code],
  ) {
    super(message);
    this.name = 'TeamError';
  }
}

/** The form state for a refusal; anything that is not a TeamError is rethrown. */
export function teamErrorState(err: unknown): ActionState {
  if (!(err instanceof TeamError)) throw err;
  return { ok: false, error: err.message };
}
