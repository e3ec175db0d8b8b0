import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditEventList } from '@/components/admin/audit-event-list';
import { MerchantStatusBadge, VerificationBadge } from '@/components/admin/badges';
import { Card } from '@/components/admin/card';
import { MerchantOverview } from '@/components/admin/merchant-overview';
import { MerchantStatusActions } from '@/components/admin/merchant-status-actions';
import { getMerchantForAdmin, RECENT_EVENTS } from '@/lib/admin/get-merchant-for-admin';
import { allowedActions } from '@/lib/admin/merchant-status';
import { requirePlatformAdmin } from '@/lib/auth/current';
import { changeMerchantStatusAction } from './actions';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requirePlatformAdmin();
  const merchant = await getMerchantForAdmin((await params).id);
  return { title: `${merchant?.businessName ?? 'Merchant'} · Platform console` };
}

export default async function MerchantPage({ params }: Props) {
  await requirePlatformAdmin();
  const merchant = await getMerchantForAdmin((await params).id);
  if (!merchant) notFound();

  return (
    <>
      <Link href="/admin/merchants" className="text-sm font-medium text-indigo-700 hover:underline">
        ← All merchants
      </Link>
      <div className="mt-3 mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">{merchant.businessName}</h1>
          <p className="mt-1 font-mono text-xs text-slate-500">{merchant.id}</p>
        </div>
        <dl className="flex items-center gap-4 text-sm">
          <div className="flex items-center gap-2">
            <dt className="text-slate-600">Status</dt>
            <dd>
              <MerchantStatusBadge status={merchant.status} />
            </dd>
          </div>
          <div className="flex items-center gap-2">
            <dt className="text-slate-600">Verification</dt>
            <dd>
              <VerificationBadge status={merchant.verificationStatus} />
            </dd>
          </div>
        </dl>
      </div>

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <MerchantOverview merchant={merchant} />
        </div>
        <div className="space-y-6">
          <Card title="Account status">
            <MerchantStatusActions
              merchantId={merchant.id}
              businessName={merchant.businessName}
              allowed={allowedActions(merchant.status)}
              action={changeMerchantStatusAction}
            />
          </Card>
        </div>
      </div>

      <div className="mt-6">
        <Card
          title="Recent activity"
          action={
            <Link
              href={`/admin/audit?merchant=${merchant.id}`}
              className="text-sm font-medium text-indigo-700 hover:underline"
            >
              Full audit log
            </Link>
          }
        >
          {merchant.events.length ? (
            <>
              <p className="mb-3 text-sm text-slate-600">
                The most recent events that name this merchant (up to {RECENT_EVENTS}).
              </p>
              <div className="-mx-5 -mb-4 border-t border-slate-100">
                <AuditEventList
                  showMerchant={false}
                  rows={merchant.events.map((e) => ({ ...e, id: e.id.toString() }))}
                />
              </div>
            </>
          ) : (
            <p className="text-sm text-slate-500">No recorded activity yet.</p>
          )}
        </Card>
      </div>
    </>
  );
}
