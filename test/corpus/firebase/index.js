const functions = require('firebase-functions/v1');
const admin = require('firebase-admin');

admin.initializeApp();

exports.createInvoice = functions.https.onCall(async (data, context) => {
  if (!context.auth) {
    throw new functions.https.HttpsError('permission-denied', 'The function must be called while authenticated.'); // expect: require-401-for-credential-failure
  }
  const member = await admin.firestore().doc(`teams/${data.teamId}/members/${context.auth.uid}`).get();
  if (!member.exists) {
    throw new functions.https.HttpsError('permission-denied', 'Not a member of this team');
  }
  if (member.get('role') !== 'owner') {
    throw new functions.https.HttpsError('unauthenticated', 'Only team owners can create invoices'); // expect: require-403-for-permission-denial
  }
  return admin.firestore().collection('invoices').add({ teamId: data.teamId, amount: data.amount });
});

// The shape of Firebase's older callable samples: 400 for a caller who is not signed in.
exports.addTodo = functions.https.onCall(async (data, context) => {
  if (!context.auth) {
    throw new functions.https.HttpsError('failed-precondition', 'The function must be called while authenticated.'); // expect: require-401-for-credential-failure
  }
  if (!data.title) {
    throw new functions.https.HttpsError('invalid-argument', 'The function must be called with a "title" argument.');
  }
  return admin.firestore().collection('todos').add({ title: data.title, uid: context.auth.uid });
});

exports.getProfile = functions.https.onCall(async (data, context) => {
  if (!context.auth) {
    throw new functions.https.HttpsError('unauthenticated', 'Sign in to see your profile');
  }
  const snapshot = await admin.firestore().doc(`users/${context.auth.uid}`).get();
  if (snapshot.get('disabled')) {
    throw new functions.https.HttpsError('permission-denied', 'Account disabled');
  }
  return snapshot.data();
});

// An HTTPS function (not callable) that reads the ID token itself.
exports.report = functions.https.onRequest(async (req, res) => {
  const idToken = (req.headers.authorization || '').split('Bearer ')[1];
  if (!idToken) {
    res.status(403).send('Unauthorized'); // expect: require-401-for-credential-failure
    return;
  }
  try {
    await admin.auth().verifyIdToken(idToken);
  } catch (err) {
    throw new functions.https.HttpsError('permission-denied', 'Invalid ID token'); // expect: require-401-for-credential-failure
  }
  res.json({ ok: true });
});
