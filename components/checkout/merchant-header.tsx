/**
 * The merchant's name and logo at the top of the checkout, with a "Test mode"
 * badge for test sessions. The brand colour arrives checked (#rrggbb) and is
 * only ever a style value; the logo URL arrives checked and is shown without a
 * referrer, with the merchant's name as its text alternative.
 */
export function MerchantHeader({
  name,
  logoUrl,
  brandColor,
  livemode,
}: {
  name: string;
  logoUrl: string | null;
  brandColor: string | null;
  livemode: boolean;
}) {
  return (
    <header
      className="border-b border-slate-200 bg-white"
      style={brandColor ? { borderTop: `4px solid ${brandColor}` } : undefined}
    >
      <div className="mx-auto flex max-w-5xl items-center gap-3 px-4 py-4 sm:px-6">
        {logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- the merchant's logo on its own host
          <img
            src={logoUrl}
            alt={`${name} logo`}
            height={32}
            referrerPolicy="no-referrer"
            className="h-8 w-auto max-w-32 object-contain"
          />
        ) : null}
        <p className="min-w-0 truncate text-base font-semibold text-slate-900">{name}</p>
        {livemode ? null : (
          <span className="ml-auto flex-none rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300">
            Test mode
          </span>
        )}
      </div>
    </header>
  );
}
