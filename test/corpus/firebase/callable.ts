import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';

initializeApp();
const db = getFirestore();

export const addMessage = onCall(async (request) => {
  if (!request.auth) {
    throw new HttpsError('permission-denied', 'You must be signed in to post'); // expect: require-401-for-credential-failure
  }
  const text = request.data.text;
  if (typeof text !== 'string' || text.length === 0) {
    throw new HttpsError('invalid-argument', 'text must be a non-empty string');
  }
  await db.collection('messages').add({ text, uid: request.auth.uid });
  return { ok: true };
});

export const deleteMessage = onCall(async (request) => {
  if (!request.auth) throw new HttpsError('unauthenticated', 'Sign in first');
  const message = await db.collection('messages').doc(request.data.id).get();
  if (message.get('uid') !== request.auth.uid) {
    throw new HttpsError('unauthenticated', 'Only the author can delete a message'); // expect: require-403-for-permission-denial
  }
  await message.ref.delete();
});

export const setRole = onCall(async (request) => {
  const caller = await db.collection('users').doc(request.auth?.uid ?? '').get();
  if (caller.get('role') !== 'admin') {
    throw new HttpsError('permission-denied', 'Admins only');
  }
  await db.collection('users').doc(request.data.uid).update({ role: request.data.role });
});

export const exportData = onCall(async (request) => {
  const user = await db.collection('users').doc(request.auth?.uid ?? '').get();
  if (user.get('plan') !== 'pro') {
    throw new HttpsError('unauthenticated', 'Upgrade to Pro to export'); // expect: require-403-for-permission-denial
  }
  const doc = await db.collection('exports').doc(request.data.id).get();
  if (!doc.exists) throw new HttpsError('not-found', 'No such export');
  return doc.data();
});
