import { cardBrand } from '@/lib/cards/brand';
import {
  BRAND_LABELS,
  caretAfterDigits,
  CARD_FIELDS,
  FIELD_LABELS,
  fieldError,
  formatCardNumber,
  formatExpiry,
  onlyDigits,
  postalCodeRequired,
  validateCardForm,
  type CardFieldErrors,
  type CardFieldName,
  type CardFormValues,
} from './card-fields';
import { BANNER_CLASS, BRAND_CLASS, FIELD_ERROR_CLASS } from './form-markup';
import type { PayResult } from './pay-result';

/**
 * The hosted checkout page's only script, in the browser. Bundled by esbuild
 * (scripts/lib/checkout-script.ts) into one small file the page loads with its
 * CSP nonce and a Subresource Integrity hash; no framework. It enhances the
 * server-rendered form (components/checkout/card-form.tsx): formatting as the
 * customer types, the brand, validation with the same rules the server uses
 * (card-fields.ts, lib/cards), errors tied to their fields, announcements,
 * focus, a double-submit guard, and paying with fetch to
 * /checkout/<id>/pay. On a fresh receipt it sends the customer on to the
 * merchant (RedirectSoon's marker).
 *
 * Card data lives only in the inputs (which have no `name`) and in the one
 * POST body: never in a URL, storage, a cookie or the console. The card
 * fields are cleared on a decline and removed with the form on success,
 * expiry or redirect.
 */
const REDIRECT_DELAY_MS = 2500;
const UNREACHABLE = 'We could not reach the server. Check your connection and try again.';
const FAILED =
  'Something went wrong on our side and your payment was not completed. Please try again in a moment.';

function byId<T extends HTMLElement>(id: string, type: { new (): T }): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`checkout: #${id} missing`);
  return el;
}

function scheduleRedirect(): void {
  const marker = document.querySelector<HTMLElement>('[data-checkout-redirect]');
  const url = marker?.dataset.checkoutRedirect;
  // Checked on the server (safeRedirectUrl): an absolute http(s) URL.
  if (!marker || !url || !/^https?:\/\//i.test(url)) return;
  setTimeout(() => window.location.assign(url), Number(marker.dataset.delayMs) || REDIRECT_DELAY_MS);
}

function enhance(form: HTMLFormElement): void {
  const area = byId('checkout-pay-area', HTMLDivElement);
  const sessionId = area.dataset.sessionId ?? '';
  const amount = area.dataset.amount ?? '';
  const merchant = area.dataset.merchant ?? '';
  const live = byId('checkout-live', HTMLParagraphElement);
  const alertBox = byId('checkout-alert', HTMLDivElement);
  const button = byId('checkout-pay', HTMLButtonElement);
  const controls = Object.fromEntries(
    CARD_FIELDS.map((f) => {
      const el = document.getElementById(`checkout-${f}`);
      if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement))
        throw new Error(`checkout: field ${f} missing`);
      return [f, el];
    }),
  ) as Record<CardFieldName, HTMLInputElement | HTMLSelectElement>;
  const numberInput = controls.number;

  const touched: Partial<Record<CardFieldName, boolean>> = {};
  let serverErrors: CardFieldErrors = {};
  let submitted = false;
  // Set in the submit handler itself: a second submit in the same task finds it up.
  let inFlight = false;

  const values = (): CardFormValues => ({
    email: controls.email.value,
    number: controls.number.value,
    expiry: controls.expiry.value,
    cvc: controls.cvc.value,
    name: controls.name.value,
    country: controls.country.value,
    postalCode: controls.postalCode.value,
  });

  const announce = (text: string) => {
    live.textContent = text;
  };

  function setBanner(text: string | null): void {
    alertBox.replaceChildren();
    if (!text) return;
    const p = document.createElement('p');
    p.className = BANNER_CLASS;
    p.textContent = text;
    alertBox.append(p);
  }

  function rowOf(field: CardFieldName): HTMLElement {
    const row = controls[field].closest<HTMLElement>('[data-checkout-row]');
    if (!row) throw new Error(`checkout: row of ${field} missing`);
    return row;
  }

  /** Errors, brand, CVC hint and the postal code's "(optional)" from the fields as they are now. */
  function render(): void {
    const v = values();
    const now = new Date();
    const brand = cardBrand(onlyDigits(v.number));
    const brandLabel = BRAND_LABELS[brand];
    let brandEl = document.getElementById('checkout-number-brand');
    if (brandLabel) {
      if (!brandEl) {
        brandEl = document.createElement('span');
        brandEl.id = 'checkout-number-brand';
        brandEl.className = BRAND_CLASS;
        rowOf('number').querySelector('[data-checkout-label-row]')?.append(brandEl);
      }
      brandEl.textContent = brandLabel;
    } else brandEl?.remove();
    controls.cvc.setAttribute('placeholder', brand === 'amex' ? '4 digits' : '3 digits');
    const optional = document.getElementById('checkout-postalCode-optional');
    if (optional) optional.hidden = postalCodeRequired(v.country);

    for (const field of CARD_FIELDS) {
      const message =
        serverErrors[field] ?? (touched[field] || submitted ? fieldError(field, v, now) : undefined);
      const id = `checkout-${field}-error`;
      let errorEl = document.getElementById(id);
      if (message) {
        if (!errorEl) {
          errorEl = document.createElement('p');
          errorEl.id = id;
          errorEl.className = FIELD_ERROR_CLASS;
          rowOf(field).append(errorEl);
        }
        if (errorEl.textContent !== message) errorEl.textContent = message;
        controls[field].setAttribute('aria-invalid', 'true');
      } else {
        errorEl?.remove();
        controls[field].removeAttribute('aria-invalid');
      }
      const describedBy = [message ? id : '', field === 'number' && brandLabel ? 'checkout-number-brand' : '']
        .filter(Boolean)
        .join(' ');
      if (describedBy) controls[field].setAttribute('aria-describedby', describedBy);
      else controls[field].removeAttribute('aria-describedby');
    }
  }

  function changed(field: CardFieldName): void {
    delete serverErrors[field];
    render();
  }

  numberInput.addEventListener('input', () => {
    const el = numberInput as HTMLInputElement;
    const digitsBefore = onlyDigits(el.value.slice(0, el.selectionStart ?? el.value.length)).length;
    const formatted = formatCardNumber(el.value);
    if (formatted !== el.value) {
      el.value = formatted;
      if (document.activeElement === el) {
        const caret = caretAfterDigits(formatted, digitsBefore);
        el.setSelectionRange(caret, caret);
      }
    }
    changed('number');
  });
  controls.expiry.addEventListener('input', () => {
    // "12 / 3" minus a character is "12 / ", formatted back to "12": the separator never traps backspace.
    const formatted = formatExpiry(controls.expiry.value);
    if (formatted !== controls.expiry.value) controls.expiry.value = formatted;
    changed('expiry');
  });
  controls.cvc.addEventListener('input', () => {
    const digits = onlyDigits(controls.cvc.value).slice(0, 4);
    if (digits !== controls.cvc.value) controls.cvc.value = digits;
    changed('cvc');
  });
  for (const field of ['email', 'name', 'country', 'postalCode'] as const)
    controls[field].addEventListener('input', () => changed(field));
  for (const field of CARD_FIELDS)
    controls[field].addEventListener('blur', () => {
      touched[field] = true;
      render();
      const message = fieldError(field, values(), new Date());
      if (message) announce(`${FIELD_LABELS[field]}: ${message}`);
    });

  /** Drops the card from the inputs; email, name and address stay for another try. */
  function clearCard(): void {
    for (const field of ['number', 'expiry', 'cvc'] as const) {
      controls[field].value = '';
      touched[field] = false;
      delete serverErrors[field];
    }
    render();
  }

  function setPending(pending: boolean): void {
    button.disabled = pending;
    button.textContent = pending ? 'Processing…' : `Pay ${amount}`;
  }

  /** Puts a <template>'s content where the form was: the form and its inputs leave the DOM. */
  function replaceForm(templateId: string, fill?: (content: DocumentFragment) => void): void {
    const template = byId(templateId, HTMLTemplateElement);
    // A <template> React rendered on the client (development) holds its nodes as children, not content.
    const source: Node = template.content.childNodes.length ? template.content : template;
    const content = document.createDocumentFragment();
    for (const node of Array.from(source.childNodes)) content.append(node.cloneNode(true));
    fill?.(content);
    form.replaceWith(content);
  }

  function handle(result: PayResult, card: string): void {
    switch (result.kind) {
      case 'succeeded': {
        clearCard();
        const paidAt = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(),
        );
        replaceForm('checkout-paid-template', (content) => {
          const cardEl = content.querySelector('[data-receipt-card]');
          const paidAtEl = content.querySelector('[data-receipt-paid-at]');
          if (cardEl) cardEl.textContent = card;
          if (paidAtEl) paidAtEl.textContent = paidAt;
          content.querySelector('[data-receipt-return]')?.setAttribute('href', result.redirectUrl);
        });
        announce(`Payment successful. You paid ${amount} to ${merchant}.`);
        setTimeout(() => window.location.assign(result.redirectUrl), REDIRECT_DELAY_MS);
        return;
      }
      case 'complete':
        // Paid already (another tab, an earlier click): the page shows its receipt.
        clearCard();
        replaceForm('checkout-leaving-template');
        window.location.reload();
        return;
      case 'requires_action': {
        // The 3-D Secure step is on our own origin, or nowhere.
        if (new URL(result.challengeUrl, location.href).origin !== location.origin) {
          inFlight = false;
          setPending(false);
          setBanner(FAILED);
          return;
        }
        clearCard();
        replaceForm('checkout-leaving-template');
        announce('Your bank needs to confirm this payment. Opening the verification step…');
        window.location.assign(result.challengeUrl);
        return;
      }
      case 'declined':
        clearCard();
        submitted = false;
        render();
        setBanner(`${result.message} Please try another card.`);
        numberInput.focus();
        return;
      case 'invalid': {
        serverErrors = { ...result.errors };
        render();
        setBanner('Please check the highlighted fields.');
        const first = CARD_FIELDS.find((f) => result.errors[f]);
        if (first) controls[first].focus();
        return;
      }
      case 'expired':
        clearCard();
        replaceForm('checkout-expired-template');
        announce('This checkout session has expired.');
        return;
      case 'rate_limited':
      case 'error':
        setBanner(result.message);
        return;
    }
  }

  async function pay(body: CardFormValues): Promise<PayResult> {
    let response: Response;
    try {
      response = await fetch(`/checkout/${encodeURIComponent(sessionId)}/pay`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
        redirect: 'error',
      });
    } catch {
      return { kind: 'error', message: UNREACHABLE };
    }
    try {
      const result = (await response.json()) as PayResult;
      if (result && typeof result.kind === 'string') return result;
    } catch {
      // Not our JSON (a proxy's error page): the generic message below.
    }
    return { kind: 'error', message: FAILED };
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (inFlight) return;
    submitted = true;
    const v = values();
    const errors = validateCardForm(v, new Date());
    render();
    const invalid = CARD_FIELDS.filter((f) => errors[f]);
    const first = invalid[0];
    if (first) {
      announce(
        `${invalid.length === 1 ? 'One field needs' : `${invalid.length} fields need`} attention. ${FIELD_LABELS[first]}: ${errors[first]}`,
      );
      controls[first].focus();
      return;
    }
    inFlight = true;
    setBanner(null);
    setPending(true);
    const digits = onlyDigits(v.number);
    const card = `${BRAND_LABELS[cardBrand(digits)] || 'Card'} •••• ${digits.slice(-4)}`;
    void pay(v).then((result) => {
      // A payment that moves the page on keeps the guard up: nothing more to submit.
      if (result.kind !== 'succeeded' && result.kind !== 'requires_action' && result.kind !== 'complete') {
        inFlight = false;
        setPending(false);
      }
      handle(result, card);
    });
  });

  render();
  // Ready: until now Pay was disabled in the HTML.
  setPending(false);
}

/**
 * Production pages carry no Next.js runtime, so this runs at once. In
 * development (`next dev` ignores `unstable_runtimeJS` and hydrates every
 * page, re-rendering it when the HTML differs from the client's render, e.g.
 * the <template>s) it waits until React has taken the form over, then works
 * on the nodes React left.
 */
function whenReactIsDone(run: () => void): void {
  if (!document.getElementById('__NEXT_DATA__')) return run();
  const started = Date.now();
  const poll = () => {
    const form = document.getElementById('checkout-form');
    const owned = form !== null && Object.keys(form).some((k) => k.startsWith('__reactFiber'));
    if (owned || Date.now() - started > 15_000) run();
    else setTimeout(poll, 50);
  };
  poll();
}

whenReactIsDone(() => {
  scheduleRedirect();
  const form = document.getElementById('checkout-form');
  if (form instanceof HTMLFormElement) enhance(form);
});
