'use client';

import { createContext, useContext, type ReactNode } from 'react';

/**
 * The session's CSRF token, provided once by the signed-in layouts and put into
 * every form (<CsrfField/>) and fetch (useCsrfToken) that changes state.
 */
const CsrfContext = createContext<string>('');

export function CsrfProvider({ token, children }: { token: string; children: ReactNode }) {
  return <CsrfContext.Provider value={token}>{children}</CsrfContext.Provider>;
}

export function useCsrfToken(): string {
  return useContext(CsrfContext);
}

export function CsrfField() {
  return <input type="hidden" name="csrf_token" value={useCsrfToken()} />;
}
