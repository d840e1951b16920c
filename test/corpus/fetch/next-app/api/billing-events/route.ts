import { NextResponse } from 'next/server';
import Stripe from 'stripe';
import { recordPayment } from '@/lib/billing';

const billing = new Stripe(process.env.BILLING_API_KEY!);

// Payment provider webhook: the signature covers the raw text body.
export async function POST(request: Request) {
  const signature = request.headers.get('stripe-signature');
  if (signature === null) {
    return NextResponse.json({ error: 'signature header absent' }, { status: 400 });
  }
  const raw = await request.text();
  let event: Stripe.Event;
  try {
    event = billing.webhooks.constructEvent(raw, signature, process.env.BILLING_HOOK_SECRET!);
  } catch (failure) {
    return NextResponse.json({ error: `could not verify event: ${String(failure)}` }, { status: 400 });
  }
  if (event.type === 'invoice.payment_succeeded') {
    await recordPayment(event.data.object as Stripe.Invoice);
  }
  return NextResponse.json({ handled: event.type });
}
