'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

/**
 * Keeps a dashboard page current: follows /api/dashboard/live (Server-Sent
 * Events, one per committed event in the current mode) and re-renders the
 * page (router.refresh(), which keeps scroll and form state) when an event of
 * the given families arrives, so a new payment appears without a reload.
 *
 * After IDLE_MS without a key press, click or scroll it stops: refreshing
 * touches the session, and an unattended tab must not keep it from idling out.
 */
const IDLE_MS = 10 * 60_000;
const DEBOUNCE_MS = 300;

type State = 'connecting' | 'live' | 'paused' | 'unavailable';

export function LiveRefresh({ mode, families }: { mode: 'test' | 'live'; families: readonly string[] }) {
  const router = useRouter();
  const [state, setState] = useState<State>('connecting');
  const paused = state === 'paused';
  const familyKey = families.join(',');

  useEffect(() => {
    if (paused) return;
    const prefixes = familyKey.split(',').map((f) => `${f}.`);
    const source = new EventSource(`/api/dashboard/live?mode=${mode}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    source.onopen = () => setState('live');
    source.onmessage = (message: MessageEvent<string>) => {
      let type: unknown;
      try {
        type = (JSON.parse(message.data) as { type?: unknown }).type;
      } catch {
        return;
      }
      if (typeof type !== 'string') return;
      if (!prefixes.some((p) => type.startsWith(p))) return;
      // A payment records several events at once: one refresh for the burst.
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), DEBOUNCE_MS);
    };
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'unavailable' : 'connecting');
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [mode, familyKey, paused, router]);

  useEffect(() => {
    if (paused) return;
    let last = Date.now();
    const mark = () => {
      last = Date.now();
    };
    const activity = ['keydown', 'pointerdown', 'scroll', 'visibilitychange'] as const;
    for (const a of activity) window.addEventListener(a, mark, { passive: true });
    const check = setInterval(() => {
      if (Date.now() - last > IDLE_MS) setState('paused');
    }, 30_000);
    return () => {
      for (const a of activity) window.removeEventListener(a, mark);
      clearInterval(check);
    };
  }, [paused]);

  if (state === 'paused' || state === 'unavailable') {
    return (
      <p className="flex items-center gap-2 text-xs text-slate-600" role="status">
        <span aria-hidden="true" className="size-2 rounded-full bg-slate-400" />
        {state === 'paused' ? 'Live updates paused.' : 'Live updates unavailable.'}
        <button
          type="button"
          onClick={() => {
            setState('connecting');
            router.refresh();
          }}
          className="font-semibold text-indigo-700 hover:underline"
        >
          Resume
        </button>
      </p>
    );
  }
  return (
    <p className="flex items-center gap-2 text-xs text-slate-600" role="status" data-live-state={state}>
      <span
        aria-hidden="true"
        className={`size-2 rounded-full ${state === 'live' ? 'bg-emerald-500' : 'bg-amber-400'}`}
      />
      {state === 'live' ? 'Live' : 'Connecting…'}
    </p>
  );
}
