import { updateSession, type Mode } from '@/lib/auth/sessions';

export class LiveModeUnavailableError extends Error {
  constructor() {
    super('Live mode is available once your business is active and verified. Test mode works meanwhile.');
  }
}

/**
 * The dashboard's test/live switch, kept in the session so every page and
 * action of this browser sees the same mode. Live mode needs an active,
 * verified merchant (`liveModeAvailable` from lib/auth/current.ts).
 */
export async function setDashboardMode(
  sessionId: string,
  mode: Mode,
  liveModeAvailable: boolean,
): Promise<Mode> {
  if (mode === 'live' && !liveModeAvailable) throw new LiveModeUnavailableError();
  await updateSession(sessionId, { mode });
  return mode;
}
