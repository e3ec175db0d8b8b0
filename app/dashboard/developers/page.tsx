import { redirect } from 'next/navigation';

/** Developers opens on its first page, API keys. */
export default function DevelopersPage() {
  redirect('/dashboard/developers/api-keys');
}
