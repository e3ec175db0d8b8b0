import { redirect } from 'next/navigation';

/** Developers has one page so far: API keys. */
export default function DevelopersPage() {
  redirect('/dashboard/developers/api-keys');
}
