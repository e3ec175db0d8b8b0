import type { Metadata } from 'next';
import Link from 'next/link';
import { OnboardingWizard } from '@/components/onboarding/onboarding-wizard';
import { requireViewer } from '@/lib/auth/current';
import { listMemberships } from '@/lib/merchants/list-memberships';
import { businessTypeOptions, countryOptions, currencyOptions } from '@/lib/merchants/options';
import {
  createMerchantAction,
  validateAddressStep,
  validateBusinessStep,
  validateContactStep,
} from './actions';

export const metadata: Metadata = { title: 'Set up your business' };

/** For a new user's first business, and for adding another one later. */
export default async function OnboardingPage() {
  const viewer = await requireViewer();
  const memberships = await listMemberships(viewer.user.userId);
  const first = memberships.length === 0;
  return (
    <>
      {first ? null : (
        <Link href="/dashboard" className="text-sm font-semibold text-indigo-700 hover:text-indigo-600">
          ← Back to the dashboard
        </Link>
      )}
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">
        {first ? 'Set up your business' : 'Add a business'}
      </h1>
      <p className="mt-3 text-slate-700">
        {first
          ? `Welcome${viewer.user.name ? `, ${viewer.user.name.split(' ')[0]}` : ''}. A few details about your business and you can start taking test payments.`
          : 'Each business has its own payments, API keys and team. You can switch between them from the dashboard.'}
      </p>
      <div className="mt-8 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
        <OnboardingWizard
          actions={{
            business: validateBusinessStep,
            contact: validateContactStep,
            address: validateAddressStep,
            create: createMerchantAction,
          }}
          options={{
            businessTypes: businessTypeOptions,
            currencies: currencyOptions,
            countries: countryOptions,
          }}
        />
      </div>
    </>
  );
}
