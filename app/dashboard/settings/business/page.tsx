import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BusinessDetailsView, formatAddress } from '@/components/dashboard/business-details-view';
import { BrandingForm } from '@/components/dashboard/branding-form';
import { BusinessForm } from '@/components/dashboard/business-form';
import { VerificationBadge } from '@/components/dashboard/status-badge';
import { requireMerchant } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db/client';
import { getMerchantBranding } from '@/lib/merchants/get-merchant-branding';
import { getMerchantProfile, type MerchantProfile } from '@/lib/merchants/merchant-cache';
import {
  businessTypeLabel,
  businessTypeOptions,
  countryName,
  countryOptions,
  currencyName,
  currencyOptions,
} from '@/lib/merchants/options';
import { updateBrandingAction, updateBusinessAction } from './actions';

export const metadata: Metadata = { title: 'Business settings' };

function formValues(p: MerchantProfile): Record<string, string> {
  return {
    business_name: p.businessName,
    legal_name: p.legalName ?? '',
    business_type: p.businessType ?? '',
    tax_id: p.taxId ?? '',
    currency: p.currency,
    email: p.email,
    phone: p.phone ?? '',
    website: p.website ?? '',
    line1: p.address.line1 ?? '',
    line2: p.address.line2 ?? '',
    city: p.address.city ?? '',
    state: p.address.state ?? '',
    postal_code: p.address.postal_code ?? '',
    country: p.address.country ?? '',
  };
}

function verificationText(status: string | null, notes: string | null, canEdit: boolean): string {
  switch (status) {
    case 'verified':
      return 'Your business details are verified.';
    case 'failed':
      return `Verification failed: ${notes ?? 'the details could not be verified'}. ${
        canEdit
          ? 'Correct the details below and save; we check them again.'
          : 'Ask an owner or administrator to correct them.'
      }`;
    case 'pending':
      return 'Your details are being reviewed by our team. Changing the legal name, business type or tax ID starts a new check.';
    default:
      return canEdit ? 'Not verified yet. Save the details below to run verification.' : 'Not verified yet.';
  }
}

/** Read-only viewers see only the end of the tax ID, as on a card statement. */
function maskTaxId(taxId: string | null): string | null {
  if (!taxId) return null;
  return taxId.length <= 4 ? '••••' : `•••• ${taxId.slice(-4)}`;
}

export default async function BusinessSettingsPage() {
  const ctx = await requireMerchant();
  const profile = await getMerchantProfile(ctx.merchant.id);
  if (!profile) notFound();
  const canEdit = can(ctx.role, 'business:write');
  const branding = (await getMerchantBranding(db(), ctx.merchant.id)) ?? { brandColor: null, logoUrl: null };

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Business settings</h1>
        <p className="mt-1 text-slate-600">The details we verify and show on receipts.</p>
      </div>
      <section
        aria-labelledby="verification-heading"
        className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
      >
        <div className="flex items-center justify-between gap-4">
          <h2 id="verification-heading" className="text-base font-semibold text-slate-900">
            Verification
          </h2>
          <VerificationBadge status={profile.verificationStatus} />
        </div>
        <p className="mt-3 text-sm text-slate-700">
          {verificationText(profile.verificationStatus, profile.verificationNotes, canEdit)}
        </p>
      </section>
      {canEdit ? (
        <>
          <BusinessForm
            action={updateBusinessAction}
            initial={formValues(profile)}
            options={{
              businessTypes: businessTypeOptions,
              currencies: currencyOptions,
              countries: countryOptions,
            }}
          />
          <BrandingForm
            action={updateBrandingAction}
            initial={{ brand_color: branding.brandColor ?? '', logo_url: branding.logoUrl ?? '' }}
          />
        </>
      ) : (
        <>
          <p className="rounded-lg bg-slate-100 px-4 py-3 text-sm text-slate-700">
            Only owners and administrators can change these details.
          </p>
          <BusinessDetailsView
            rows={[
              { label: 'Business name', value: profile.businessName },
              { label: 'Legal name', value: profile.legalName },
              { label: 'Business type', value: businessTypeLabel(profile.businessType) },
              { label: 'Tax ID', value: maskTaxId(profile.taxId) },
              {
                label: 'Preferred currency',
                value: `${profile.currency} — ${currencyName(profile.currency)}`,
              },
              { label: 'Business email', value: profile.email },
              { label: 'Phone', value: profile.phone },
              { label: 'Website', value: profile.website },
              { label: 'Address', value: formatAddress(profile.address, countryName) },
              { label: 'Brand colour', value: branding.brandColor },
              { label: 'Logo URL', value: branding.logoUrl },
            ]}
          />
        </>
      )}
    </div>
  );
}
