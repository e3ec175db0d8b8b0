import type { Metadata } from 'next';
import Link from 'next/link';
import { requireMerchant } from '@/lib/auth/current';

export const metadata: Metadata = { title: 'Settings' };

const SECTIONS = [
  {
    href: '/dashboard/settings/business',
    title: 'Business',
    body: 'Business name, legal details, tax ID, contact and address. Changes re-run verification.',
  },
  {
    href: '/dashboard/settings/team',
    title: 'Team',
    body: 'Invite colleagues, give them a role, remove members.',
  },
  {
    href: '/account/security',
    title: 'Security',
    body: 'Your password, two-factor authentication and signed-in sessions.',
  },
];

export default async function SettingsPage() {
  await requireMerchant();
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Settings</h1>
      <ul className="mt-6 grid gap-4 md:grid-cols-3">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className="block h-full rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 hover:ring-indigo-300"
            >
              <h2 className="text-base font-semibold text-slate-900">{s.title}</h2>
              <p className="mt-2 text-sm text-slate-600">{s.body}</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
