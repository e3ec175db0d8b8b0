import type { ActionState } from '@/lib/auth/action';

/** A server action as the forms take it (from useActionState's point of view). */
export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export const initialState: ActionState = { ok: false };
