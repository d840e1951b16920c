'use server';

import { cookies } from 'next/headers';
import { forbidden, unauthorized } from 'next/navigation';
import { getSession } from '@/lib/session';
import { db } from '@/lib/db';

export async function getInvoices() {
  const token = (await cookies()).get('session')?.value;
  const session = token ? await getSession(token) : null;
  if (!session) {
    unauthorized(); // expect-ignore: next/navigation renders the 401 UI page in a server action; not an API response
  }
  if (session.role !== 'accountant') {
    forbidden();
  }
  return db.invoice.findMany();
}
