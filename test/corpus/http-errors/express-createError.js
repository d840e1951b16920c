const express = require('express');
const createError = require('http-errors');
const jwt = require('jsonwebtoken');
const Document = require('../models/Document');

const router = express.Router();

function authenticate(req, res, next) {
  const authorization = req.get('Authorization');
  if (!authorization) {
    return next(createError(403, 'No token provided')); // expect: require-401-for-credential-failure
  }
  const token = authorization.replace('Bearer ', '');
  jwt.verify(token, process.env.JWT_SECRET, (err, claims) => {
    if (err && err.name === 'TokenExpiredError') {
      return next(createError(401, 'jwt expired', { // labelled nothing: the challenge travels with the error
        headers: { 'WWW-Authenticate': 'Bearer realm="docs", error="invalid_token", error_description="The access token expired"' },
      }));
    }
    if (err) {
      return next(createError(401, 'invalid token')); // expect: require-www-authenticate
    }
    req.claims = claims;
    next();
  });
}

function requireEditor(req, res, next) {
  if (!req.claims.roles.includes('editor')) {
    return next(createError.Forbidden('Editors only'));
  }
  next();
}

function requireReviewer(req, res, next) {
  if (!req.claims.roles.includes('reviewer')) {
    return next(new createError.Unauthorized('Reviewer role required')); // expect: require-403-for-permission-denial
  }
  next();
}

router.get('/documents/:id', authenticate, async (req, res, next) => {
  const doc = await Document.findById(req.params.id);
  if (!doc) return next(createError(404, 'Document not found'));
  if (doc.ownerId !== req.claims.sub && !doc.sharedWith.includes(req.claims.sub)) {
    return next(createError(403, 'You do not have access to this document'));
  }
  res.json(doc);
});

router.put('/documents/:id', authenticate, requireEditor, async (req, res, next) => {
  if (!req.body.title) return next(createError(400, 'title is required'));
  if (req.body.version !== undefined && req.body.version < 1) return next(createError.BadRequest('version must be positive'));
  const updated = await Document.update(req.params.id, req.body);
  res.json(updated);
});

router.post('/documents/:id/approve', authenticate, requireReviewer, async (req, res) => {
  res.json(await Document.approve(req.params.id, req.claims.sub));
});

router.get('/session', (req, res, next) => {
  if (!req.session || !req.session.user) {
    return next(new createError.Unauthorized()); // expect: require-www-authenticate
  }
  res.json(req.session.user);
});

router.use((err, req, res, next) => {
  res.set(err.headers || {});
  res.status(err.status || 500).json({ message: err.message });
});

module.exports = router;
