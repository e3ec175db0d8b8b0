'use client';

import {
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  useTransition,
  type FormEvent,
  type ReactNode,
} from 'react';
import { useRouter } from 'next/navigation';
import { cardBrand } from '@/lib/cards/brand';
import {
  BRAND_LABELS,
  caretAfterDigits,
  CARD_FIELDS,
  fieldError,
  formatCardNumber,
  formatExpiry,
  onlyDigits,
  postalCodeRequired,
  validateCardForm,
  type CardFieldErrors,
  type CardFieldName,
  type CardFormValues,
} from '@/lib/checkout-page/card-fields';
import type { PayResult } from '@/lib/checkout-page/pay-result';
import { Expired } from './expired';
import { Receipt } from './receipt';

/**
 * The hosted checkout's card form: the page's only interactive code, kept to
 * React and two small shared modules (no form library). Card data lives only
 * in this component's state and the inputs: the card inputs have no `name`
 * (a form submitted before hydration sends none of them), nothing is written
 * to storage or the URL, and after a success, decline or redirect the card
 * fields are cleared or unmounted.
 */
export interface CardFormProps {
  sessionId: string;
  pay: (sessionId: string, values: CardFormValues) => Promise<PayResult>;
  merchantName: string;
  /** The total, formatted ("$20.00"). */
  amount: string;
  countries: readonly { value: string; label: string }[];
  defaultCountry: string;
  /** Set by the merchant: shown, not editable. */
  customerEmail: string | null;
  cancelUrl: string | null;
  /** Pay button colours: the merchant's brand colour and a text colour that contrasts with it. */
  buttonStyle: { backgroundColor: string; color: string } | null;
  /** A message to show on arrival (e.g. a failed 3-D Secure check). */
  notice: string | null;
}

type Phase =
  | { kind: 'form' }
  | { kind: 'paid'; returnUrl: string; card: string | null; paidAt: string }
  | { kind: 'leaving' }
  | { kind: 'expired' };
type Banner = { tone: 'error' | 'info'; text: string } | null;

const LABELS: Record<CardFieldName, string> = {
  email: 'Email',
  number: 'Card number',
  expiry: 'Expiry date',
  cvc: 'Security code',
  name: 'Name on card',
  country: 'Country or region',
  postalCode: 'Postal code',
};
const REDIRECT_DELAY_MS = 2500;
const noSubscription = () => () => {};

export function CardForm(props: CardFormProps) {
  const { sessionId, pay, merchantName, amount, customerEmail } = props;
  const router = useRouter();
  const empty: CardFormValues = {
    email: customerEmail ?? '',
    number: '',
    expiry: '',
    cvc: '',
    name: '',
    country: props.defaultCountry,
    postalCode: '',
  };
  const [values, setValues] = useState<CardFormValues>(empty);
  const [touched, setTouched] = useState<Partial<Record<CardFieldName, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<CardFieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [banner, setBanner] = useState<Banner>(props.notice ? { tone: 'error', text: props.notice } : null);
  const [announcement, setAnnouncement] = useState('');
  // False in the server HTML, true once hydrated: Pay stays disabled until the form works.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [pending, startTransition] = useTransition();
  // A second click can arrive before React re-renders the disabled button.
  const inFlight = useRef(false);
  const caret = useRef<number | null>(null);

  useLayoutEffect(() => {
    const input = document.getElementById('checkout-number');
    if (caret.current !== null && input instanceof HTMLInputElement && document.activeElement === input) {
      input.setSelectionRange(caret.current, caret.current);
    }
    caret.current = null;
  });

  const now = new Date();
  const errorOf = (field: CardFieldName): string | undefined =>
    serverErrors[field] ?? (touched[field] || submitted ? fieldError(field, values, now) : undefined);
  const brand = cardBrand(onlyDigits(values.number));

  function update(field: CardFieldName, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
    setServerErrors((e) => ({ ...e, [field]: undefined }));
  }

  function blur(field: CardFieldName) {
    setTouched((t) => ({ ...t, [field]: true }));
    const message = fieldError(field, values, new Date());
    if (message) setAnnouncement(`${LABELS[field]}: ${message}`);
  }

  function focusField(field: CardFieldName) {
    // After React has committed the new state (the field may just have been cleared).
    requestAnimationFrame(() => document.getElementById(`checkout-${field}`)?.focus());
  }

  /** Drops the card from state; email, name and address stay for another try. */
  function clearCard() {
    setValues((v) => ({ ...v, number: '', expiry: '', cvc: '' }));
    setTouched((t) => ({ ...t, number: false, expiry: false, cvc: false }));
  }

  function handle(result: PayResult, card: string | null) {
    switch (result.kind) {
      case 'succeeded': {
        clearCard();
        const paidAt = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(),
        );
        setPhase({ kind: 'paid', returnUrl: result.redirectUrl, card, paidAt });
        setAnnouncement(`Payment successful. You paid ${amount} to ${merchantName}.`);
        setTimeout(() => window.location.assign(result.redirectUrl), REDIRECT_DELAY_MS);
        return;
      }
      case 'complete':
        // Paid already (another tab, an earlier click): the page shows its receipt.
        clearCard();
        setPhase({ kind: 'leaving' });
        router.refresh();
        return;
      case 'requires_action':
        clearCard();
        setPhase({ kind: 'leaving' });
        setAnnouncement('Your bank needs to confirm this payment. Opening the verification step…');
        window.location.assign(result.challengeUrl);
        return;
      case 'declined':
        clearCard();
        setSubmitted(false);
        setBanner({ tone: 'error', text: `${result.message} Please try another card.` });
        focusField('number');
        return;
      case 'invalid': {
        setServerErrors(result.errors);
        const first = CARD_FIELDS.find((f) => result.errors[f]);
        setBanner({ tone: 'error', text: 'Please check the highlighted fields.' });
        if (first) focusField(first);
        return;
      }
      case 'expired':
        clearCard();
        setPhase({ kind: 'expired' });
        setAnnouncement('This checkout session has expired.');
        return;
      case 'rate_limited':
      case 'error':
        setBanner({ tone: 'error', text: result.message });
        return;
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current || phase.kind !== 'form') return;
    setSubmitted(true);
    const errors = validateCardForm(values, new Date());
    const first = CARD_FIELDS.find((f) => errors[f]);
    if (first) {
      const count = CARD_FIELDS.filter((f) => errors[f]).length;
      setAnnouncement(
        `${count === 1 ? 'One field needs' : `${count} fields need`} attention. ${LABELS[first]}: ${errors[first]}`,
      );
      document.getElementById(`checkout-${first}`)?.focus();
      return;
    }
    inFlight.current = true;
    setBanner(null);
    const digits = onlyDigits(values.number);
    const card = `${BRAND_LABELS[brand] || 'Card'} •••• ${digits.slice(-4)}`;
    const snapshot = values;
    startTransition(async () => {
      let result: PayResult;
      try {
        result = await pay(sessionId, snapshot);
      } catch {
        result = {
          kind: 'error',
          message: 'We could not reach the server. Check your connection and try again.',
        };
      }
      // A payment that moves the page on keeps the guard up: nothing more to submit.
      if (result.kind !== 'succeeded' && result.kind !== 'requires_action' && result.kind !== 'complete')
        inFlight.current = false;
      handle(result, card);
    });
  }

  const live = (
    <p role="status" aria-live="polite" aria-atomic="true" className="sr-only">
      {announcement}
    </p>
  );

  if (phase.kind === 'paid') {
    return (
      <>
        {live}
        <Receipt
          merchantName={merchantName}
          amount={amount}
          card={phase.card}
          paidAt={phase.paidAt}
          returnUrl={phase.returnUrl}
          redirecting
        />
      </>
    );
  }
  if (phase.kind === 'expired') {
    return (
      <>
        {live}
        <Expired merchantName={merchantName} cancelUrl={props.cancelUrl} />
      </>
    );
  }
  if (phase.kind === 'leaving') {
    return (
      <>
        {live}
        <p className="rounded-xl bg-white p-6 text-sm text-slate-700 shadow-sm ring-1 ring-slate-200">
          One moment…
        </p>
      </>
    );
  }

  const field = (name: CardFieldName) => {
    const error = errorOf(name);
    return {
      id: `checkout-${name}`,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `checkout-${name}-error` : undefined,
      onBlur: () => blur(name),
    };
  };

  return (
    <form method="post" noValidate onSubmit={submit} aria-labelledby="pay-heading" className="space-y-5">
      {live}
      <h2 id="pay-heading" className="text-lg font-semibold text-slate-900">
        Pay with card
      </h2>
      <div role="alert" aria-atomic="true">
        {banner ? (
          <p
            className={`rounded-lg px-4 py-3 text-sm font-medium ${banner.tone === 'error' ? 'bg-red-50 text-red-800 ring-1 ring-red-200' : 'bg-slate-100 text-slate-800'}`}
          >
            {banner.text}
          </p>
        ) : null}
      </div>

      <Row label={LABELS.email} name="email" error={errorOf('email')}>
        <input
          {...field('email')}
          type="email"
          autoComplete="email"
          value={values.email}
          readOnly={customerEmail !== null}
          onChange={(e) => update('email', e.target.value)}
          className={control}
        />
      </Row>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-900">Card information</legend>
        <Row
          label={LABELS.number}
          name="number"
          error={errorOf('number')}
          aside={
            BRAND_LABELS[brand] ? (
              <span id="checkout-number-brand" className="text-xs font-semibold text-slate-700">
                {BRAND_LABELS[brand]}
              </span>
            ) : null
          }
        >
          <input
            {...field('number')}
            aria-describedby={
              [
                errorOf('number') ? 'checkout-number-error' : '',
                BRAND_LABELS[brand] ? 'checkout-number-brand' : '',
              ]
                .filter(Boolean)
                .join(' ') || undefined
            }
            type="text"
            inputMode="numeric"
            autoComplete="cc-number"
            autoCorrect="off"
            spellCheck={false}
            placeholder="1234 1234 1234 1234"
            value={values.number}
            onChange={(e) => {
              const el = e.target;
              const digitsBefore = onlyDigits(el.value.slice(0, el.selectionStart ?? el.value.length)).length;
              const formatted = formatCardNumber(el.value);
              caret.current = caretAfterDigits(formatted, digitsBefore);
              update('number', formatted);
            }}
            className={control}
          />
        </Row>
        <div className="grid grid-cols-2 gap-3">
          <Row label={LABELS.expiry} name="expiry" error={errorOf('expiry')}>
            <input
              {...field('expiry')}
              type="text"
              inputMode="numeric"
              autoComplete="cc-exp"
              placeholder="MM / YY"
              value={values.expiry}
              // "12 / 3" minus a character is "12 / ", formatted back to "12": the separator never traps backspace.
              onChange={(e) => update('expiry', formatExpiry(e.target.value))}
              className={control}
            />
          </Row>
          <Row label={LABELS.cvc} name="cvc" error={errorOf('cvc')}>
            <input
              {...field('cvc')}
              type="text"
              inputMode="numeric"
              autoComplete="cc-csc"
              placeholder={brand === 'amex' ? '4 digits' : '3 digits'}
              maxLength={4}
              value={values.cvc}
              onChange={(e) => update('cvc', onlyDigits(e.target.value).slice(0, 4))}
              className={control}
            />
          </Row>
        </div>
        <Row label={LABELS.name} name="name" error={errorOf('name')}>
          <input
            {...field('name')}
            type="text"
            autoComplete="cc-name"
            value={values.name}
            onChange={(e) => update('name', e.target.value)}
            className={control}
          />
        </Row>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-900">Billing address</legend>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Row label={LABELS.country} name="country" error={errorOf('country')}>
            <select
              {...field('country')}
              autoComplete="country"
              value={values.country}
              onChange={(e) => update('country', e.target.value)}
              className={control}
            >
              <option value="">Choose…</option>
              {props.countries.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </Row>
          <Row
            label={LABELS.postalCode}
            name="postalCode"
            optional={!postalCodeRequired(values.country)}
            error={errorOf('postalCode')}
          >
            <input
              {...field('postalCode')}
              type="text"
              autoComplete="postal-code"
              value={values.postalCode}
              onChange={(e) => update('postalCode', e.target.value)}
              className={control}
            />
          </Row>
        </div>
      </fieldset>

      <button
        type="submit"
        disabled={!hydrated || pending}
        style={props.buttonStyle ?? undefined}
        className={`w-full rounded-lg px-4 py-3 text-base font-semibold shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 disabled:cursor-not-allowed disabled:opacity-70 ${props.buttonStyle ? '' : 'bg-indigo-700 text-white hover:bg-indigo-800'}`}
      >
        {pending ? 'Processing…' : `Pay ${amount}`}
      </button>
      <noscript>
        <p className="text-sm text-red-800">This payment page needs JavaScript. Please enable it to pay.</p>
      </noscript>
    </form>
  );
}

const control =
  'mt-1 block w-full rounded-lg border-0 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm ring-1 ring-slate-400 ring-inset ' +
  'placeholder:text-slate-500 focus:ring-2 focus:ring-slate-900 focus:outline-none read-only:bg-slate-50 ' +
  'aria-[invalid=true]:ring-2 aria-[invalid=true]:ring-red-600';

/** A labelled control with its error beside it (aria-describedby points here). */
function Row({
  label,
  name,
  error,
  aside,
  optional,
  children,
}: {
  label: string;
  name: CardFieldName;
  error: string | undefined;
  aside?: ReactNode;
  optional?: boolean;
  children: ReactNode;
}) {
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={`checkout-${name}`} className="block text-sm font-medium text-slate-900">
          {label}
          {optional ? <span className="ml-1 font-normal text-slate-600">(optional)</span> : null}
        </label>
        {aside}
      </div>
      {children}
      {error ? (
        <p id={`checkout-${name}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
