// Express app deployed as a Cloud Function: callers prove who they are with a Firebase ID token,
// sent as a Bearer token by the mobile app or in the __session cookie by the hosted web app.
const { onRequest } = require('firebase-functions/v2/https');
const logger = require('firebase-functions/logger');
const { initializeApp } = require('firebase-admin/app');
const { getAuth } = require('firebase-admin/auth');
const express = require('express');
const cookieParser = require('cookie-parser');

initializeApp();

function idTokenOf(req) {
  const header = req.get('authorization');
  if (header && header.startsWith('Bearer ')) return { source: 'header', value: header.slice(7) };
  if (req.cookies && req.cookies.__session) return { source: 'cookie', value: req.cookies.__session };
  return null;
}

async function requireFirebaseUser(req, res, next) {
  const presented = idTokenOf(req);
  if (!presented) {
    logger.warn('request without an ID token', { path: req.path });
    return res.status(403).json({ error: 'Not signed in: send a Firebase ID token' }); // expect: require-401-for-credential-failure
  }
  if (!presented.value) {
    logger.warn('empty ID token', { source: presented.source });
    return res.status(403).json({ error: 'Token missing from the request' }); // expect: require-401-for-credential-failure
  }

  try {
    req.firebaseUser = await getAuth().verifyIdToken(presented.value, true);
  } catch (failure) {
    logger.info('ID token refused', { code: failure.code, source: presented.source });
    if (failure.code === 'auth/id-token-expired') {
      return res.status(440).json({ error: 'Your login has expired' }); // expect: require-401-for-credential-failure
    }
    return res.status(403).json({ error: 'ID token could not be verified' }); // expect: require-401-for-credential-failure
  }
  return next();
}

function requireClaim(claim) {
  return (req, res, next) => {
    if (req.firebaseUser[claim] === true) return next();
    return res.status(403).json({ error: `This needs the ${claim} claim on your account` });
  };
}

const app = express();
app.use(cookieParser());
app.use(requireFirebaseUser);

app.get('/whoami', (req, res) => res.json({ uid: req.firebaseUser.uid, email: req.firebaseUser.email }));
app.get('/reviews/pending', requireClaim('reviewer'), (req, res) => res.json({ pending: [] }));

exports.api = onRequest({ region: 'europe-west1' }, app);
