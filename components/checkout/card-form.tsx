import type { CSSProperties, ReactNode } from 'react';
import { FIELD_LABELS, postalCodeRequired, type CardFieldName } from '@/lib/checkout-page/card-fields';
import { BANNER_CLASS } from '@/lib/checkout-page/form-markup';
import { Expired } from './expired';
import { Receipt } from './receipt';

/**
 * The hosted checkout's card form as server-rendered HTML. The page ships no
 * framework: one small script (lib/checkout-page/form-script.ts, built by
 * scripts/lib/checkout-script.ts) finds this markup by its ids and data-*
 * hooks and makes it work: formatting, validation, errors, announcements,
 * paying with fetch, and showing the receipt or expired view from the
 * <template>s below (the same components the page renders on a refresh).
 *
 * Pay is disabled in the HTML; the script enables it. The card inputs have no
 * `name`, so a form submitted without the script sends none of them.
 */
export interface CardFormProps {
  sessionId: string;
  merchantName: string;
  /** The total, formatted ("$20.00"). */
  amount: string;
  countries: readonly { value: string; label: string }[];
  defaultCountry: string;
  /** Set by the merchant: shown, not editable. */
  customerEmail: string | null;
  cancelUrl: string | null;
  /** Where the receipt's "Return to merchant" points until the pay endpoint answers with its own URL. */
  returnUrl: string;
  /** Pay button colours: the merchant's brand colour and a text colour that contrasts with it. */
  buttonStyle: { backgroundColor: string; color: string } | null;
  /** A message to show on arrival (e.g. a failed 3-D Secure check). */
  notice: string | null;
}

export function CardForm(props: CardFormProps) {
  const { merchantName, amount, customerEmail } = props;
  const input = (name: CardFieldName) => ({ id: `checkout-${name}`, className: control });
  return (
    <div
      id="checkout-pay-area"
      data-session-id={props.sessionId}
      data-amount={amount}
      data-merchant={merchantName}
    >
      <p id="checkout-live" role="status" aria-live="polite" aria-atomic="true" className="sr-only" />
      <form id="checkout-form" method="post" noValidate aria-labelledby="pay-heading" className="space-y-5">
        <h2 id="pay-heading" className="text-lg font-semibold text-slate-900">
          Pay with card
        </h2>
        <div id="checkout-alert" role="alert" aria-atomic="true">
          {props.notice ? <p className={BANNER_CLASS}>{props.notice}</p> : null}
        </div>

        <Row name="email">
          <input
            {...input('email')}
            type="email"
            autoComplete="email"
            defaultValue={customerEmail ?? ''}
            readOnly={customerEmail !== null}
          />
        </Row>

        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-900">Card information</legend>
          <Row name="number">
            <input
              {...input('number')}
              type="text"
              inputMode="numeric"
              autoComplete="cc-number"
              autoCorrect="off"
              spellCheck={false}
              placeholder="1234 1234 1234 1234"
            />
          </Row>
          <div className="grid grid-cols-2 gap-3">
            <Row name="expiry">
              <input
                {...input('expiry')}
                type="text"
                inputMode="numeric"
                autoComplete="cc-exp"
                placeholder="MM / YY"
              />
            </Row>
            <Row name="cvc">
              <input
                {...input('cvc')}
                type="text"
                inputMode="numeric"
                autoComplete="cc-csc"
                placeholder="3 digits"
                maxLength={4}
              />
            </Row>
          </div>
          <Row name="name">
            <input {...input('name')} type="text" autoComplete="cc-name" />
          </Row>
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-900">Billing address</legend>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Row name="country">
              <select {...input('country')} autoComplete="country" defaultValue={props.defaultCountry}>
                <option value="">Choose…</option>
                {props.countries.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </Row>
            <Row
              name="postalCode"
              aside={
                <span
                  id="checkout-postalCode-optional"
                  hidden={postalCodeRequired(props.defaultCountry)}
                  className="ml-1 font-normal text-slate-600"
                >
                  (optional)
                </span>
              }
            >
              <input {...input('postalCode')} type="text" autoComplete="postal-code" />
            </Row>
          </div>
        </fieldset>

        <button
          id="checkout-pay"
          type="submit"
          disabled
          style={(props.buttonStyle as CSSProperties | null) ?? undefined}
          className={`w-full rounded-lg px-4 py-3 text-base font-semibold shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 disabled:cursor-not-allowed disabled:opacity-70 ${props.buttonStyle ? '' : 'bg-indigo-700 text-white hover:bg-indigo-800'}`}
        >
          {`Pay ${amount}`}
        </button>
        <noscript>
          <p className="text-sm text-red-800">This payment page needs JavaScript. Please enable it to pay.</p>
        </noscript>
      </form>

      {/* What the script shows in place of the form (inert until then). */}
      <template id="checkout-paid-template">
        <Receipt
          merchantName={merchantName}
          amount={amount}
          card="Card"
          paidAt="—"
          returnUrl={props.returnUrl}
          redirecting
        />
      </template>
      <template id="checkout-expired-template">
        <Expired merchantName={merchantName} cancelUrl={props.cancelUrl} />
      </template>
      <template id="checkout-leaving-template">
        <p className="rounded-xl bg-white p-6 text-sm text-slate-700 shadow-sm ring-1 ring-slate-200">
          One moment…
        </p>
      </template>
    </div>
  );
}

const control =
  'mt-1 block w-full rounded-lg border-0 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm ring-1 ring-slate-400 ring-inset ' +
  'placeholder:text-slate-500 focus:ring-2 focus:ring-slate-900 focus:outline-none read-only:bg-slate-50 ' +
  'aria-[invalid=true]:ring-2 aria-[invalid=true]:ring-red-600';

/**
 * A labelled control. The script adds the error (`checkout-<name>-error`,
 * after the control, tied with aria-describedby) and, for the card number, the
 * brand beside the label (`checkout-number-brand`).
 */
function Row({ name, aside, children }: { name: CardFieldName; aside?: ReactNode; children: ReactNode }) {
  return (
    <div data-checkout-row={name}>
      <div className="flex items-baseline justify-between gap-2" data-checkout-label-row>
        <label htmlFor={`checkout-${name}`} className="block text-sm font-medium text-slate-900">
          {FIELD_LABELS[name]}
          {aside}
        </label>
      </div>
      {children}
    </div>
  );
}
