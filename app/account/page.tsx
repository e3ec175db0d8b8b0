import { redirect } from 'next/navigation';

/** /account has one page so far. */
export default function AccountIndex() {
  redirect('/account/security');
}
