import { redirect } from 'next/navigation';
import { requirePlatformAdmin } from '@/lib/auth/current';

export default async function AdminHome() {
  await requirePlatformAdmin();
  redirect('/admin/merchants');
}
