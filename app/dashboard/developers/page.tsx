import { redirect } from 'next/navigation';

/** Developers opens on its first page, API keys (Logs is beside it in the nav). */
export default function DevelopersPage() {
  redirect('/dashboard/developers/api-keys');
}
