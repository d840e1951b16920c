import express, { type Request, type Response } from 'express';
import { authenticateClient, consumeAuthorizationCode, rotateRefreshToken } from '../oauth/store';

export const tokenRouter = express.Router();

type TokenError = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_scope';

function oauthError(res: Response, status: 400 | 401, error: TokenError, description?: string) {
  res.set('Cache-Control', 'no-store');
  return res.status(status).json({ error, error_description: description });
}

function readBasicClient(req: Request): { id: string; secret: string } | undefined {
  const header = req.get('authorization');
  if (!header?.startsWith('Basic ')) return undefined;
  const [id, secret] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
  return id && secret ? { id, secret } : undefined;
}

tokenRouter.post('/oauth/token', express.urlencoded({ extended: false }), async (req, res) => {
  const basic = readBasicClient(req);
  const clientId = basic?.id ?? req.body.client_id;
  const clientSecret = basic?.secret ?? req.body.client_secret;

  const client = await authenticateClient(clientId, clientSecret);
  if (!client) {
    if (basic) {
      res.set('WWW-Authenticate', 'Basic realm="oauth", charset="UTF-8"');
      return oauthError(res, 401, 'invalid_client', 'Client authentication failed');
    }
    return res.status(400).json({ error: 'invalid_client', error_description: 'Client authentication failed' });
  }

  switch (req.body.grant_type) {
    case 'authorization_code': {
      const grant = await consumeAuthorizationCode(req.body.code, client.id, req.body.redirect_uri);
      if (!grant) {
        return res.status(400).json({ error: 'invalid_grant', error_description: 'The authorization code is invalid or expired' });
      }
      return res.json(grant.tokens);
    }
    case 'refresh_token': {
      if (!req.body.refresh_token) {
        return res.status(400).json({ error: 'invalid_request', error_description: 'refresh_token is required' });
      }
      const rotated = await rotateRefreshToken(req.body.refresh_token, client.id);
      if (!rotated) {
        return res.status(400).json({ error: 'invalid_grant', error_description: 'The refresh token is invalid, expired or revoked' });
      }
      return res.json(rotated);
    }
    default:
      return res.status(400).json({ error: 'unsupported_grant_type' });
  }
});
