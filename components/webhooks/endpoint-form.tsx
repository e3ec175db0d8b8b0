'use client';

import { useActionState, useState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { initialState, type FormAction } from '@/components/account/form-action';
import { ActionFeedback, Field, SubmitButton } from '@/components/forms';

export interface EndpointFormValues {
  id: string;
  url: string;
  description: string | null;
  enabled_events: string[];
}

/** Event types grouped by their object (`payment_intent`, `charge.dispute`, …), for the checkbox list. */
function groups(types: readonly string[]): [string, string[]][] {
  const out = new Map<string, string[]>();
  for (const t of types) {
    const family = t.slice(0, t.lastIndexOf('.'));
    out.set(family, [...(out.get(family) ?? []), t]);
  }
  return [...out.entries()];
}

/**
 * Add an endpoint, or edit one: URL, description, and which events it gets
 * (every event, `*`, or a chosen list).
 */
export function EndpointForm({
  action,
  eventTypes,
  endpoint,
  mode,
}: {
  action: FormAction;
  eventTypes: readonly string[];
  endpoint?: EndpointFormValues;
  mode: 'test' | 'live';
}) {
  const [state, formAction] = useActionState(action, initialState);
  const initialAll = !endpoint || endpoint.enabled_events.includes('*');
  const [all, setAll] = useState(initialAll);
  const chosen = new Set(endpoint?.enabled_events ?? []);
  const prefix = endpoint ? `edit-${endpoint.id}` : 'new-endpoint';
  return (
    <form action={formAction} className="space-y-5" aria-label={endpoint ? 'Edit endpoint' : 'Add endpoint'}>
      <CsrfField />
      {endpoint ? <input type="hidden" name="endpoint" value={endpoint.id} /> : null}
      <Field
        label="Endpoint URL"
        name="url"
        type="url"
        required
        maxLength={2048}
        defaultValue={state.values?.url ?? endpoint?.url ?? ''}
        placeholder="https://example.com/webhooks"
        error={state.fieldErrors?.url}
        hint={
          mode === 'live'
            ? 'Live mode endpoints must use https and a public address.'
            : 'Test mode endpoints may use http and a local address (http://127.0.0.1:4242/…).'
        }
      />
      <Field
        label="Description"
        name="description"
        maxLength={5000}
        required={false}
        defaultValue={state.values?.description ?? endpoint?.description ?? ''}
        error={state.fieldErrors?.description}
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">Events to send</legend>
        <div className="mt-2 flex flex-wrap gap-6 text-sm text-slate-700">
          <label className="flex items-center gap-2">
            <input type="radio" name="events_mode" value="all" checked={all} onChange={() => setAll(true)} />
            All events
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="events_mode"
              value="selected"
              checked={!all}
              onChange={() => setAll(false)}
            />
            Selected events
          </label>
        </div>
        {!all ? (
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            {groups(eventTypes).map(([family, types]) => (
              <fieldset key={family} className="rounded-lg p-3 ring-1 ring-slate-200">
                <legend className="px-1 font-mono text-xs font-semibold text-slate-600">{family}</legend>
                {types.map((t) => (
                  <label key={t} className="flex items-center gap-2 py-0.5 font-mono text-xs text-slate-800">
                    <input
                      type="checkbox"
                      name="enabled_events"
                      value={t}
                      defaultChecked={chosen.has(t)}
                      id={`${prefix}-${t}`}
                    />
                    {t}
                  </label>
                ))}
              </fieldset>
            ))}
          </div>
        ) : null}
        {state.fieldErrors?.enabled_events ? (
          <p className="mt-2 text-sm text-red-700">{state.fieldErrors.enabled_events.join(' ')}</p>
        ) : null}
      </fieldset>
      <ActionFeedback state={state} />
      <SubmitButton>{endpoint ? 'Save endpoint' : 'Add endpoint'}</SubmitButton>
    </form>
  );
}
