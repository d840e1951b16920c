// Issuer half of a two-process demo: it hands out short-lived access tokens and long-lived renewal tokens;
// bookmarks-resource.server.js accepts the access tokens.
require('dotenv').config()

const express = require('express')
const bcrypt = require('bcrypt')
const jwt = require('jsonwebtoken')

const accounts = [] // { username, passwordHash }
const liveRenewals = new Set()

const ACCESS_TTL = '2m'

function mintAccess(handle) {
  return jwt.sign({ handle }, process.env.ACCESS_SECRET, { expiresIn: ACCESS_TTL })
}

const issuer = express()
issuer.use(express.json())

issuer.post('/accounts', async (req, res) => {
  const { username, secret } = req.body
  if (!username || !secret) return res.status(400).json({ error: 'username and secret are both needed' })
  if (accounts.some((account) => account.username === username)) return res.status(409).json({ error: `${username} is taken` })
  accounts.push({ username, passwordHash: await bcrypt.hash(secret, 12) })
  res.status(201).json({ username })
})

issuer.post('/login', async (req, res) => {
  const account = accounts.find((candidate) => candidate.username === req.body.username)
  if (account == null) {
    return res.status(400).json({ error: 'no user with that name' }) // expect: require-401-for-credential-failure
  }
  const matches = await bcrypt.compare(String(req.body.secret), account.passwordHash).catch(() => null)
  if (matches === null) return res.status(500).end()
  if (!matches) {
    return res.status(403).json({ error: 'secret does not match' }) // expect: require-401-for-credential-failure
  }
  const renewal = jwt.sign({ handle: account.username }, process.env.RENEWAL_SECRET)
  liveRenewals.add(renewal)
  res.json({ access: mintAccess(account.username), renewal })
})

// Exchange a renewal token (from the JSON body) for a fresh access token.
issuer.post('/login/renew', (req, res) => {
  const { renewal } = req.body
  if (renewal === undefined || renewal === null) return res.sendStatus(401) // expect: require-www-authenticate
  if (!liveRenewals.has(renewal)) return res.sendStatus(403) // expect-ignore: renewal token from the body at a token endpoint (invalid_grant territory)
  let claims
  try {
    claims = jwt.verify(renewal, process.env.RENEWAL_SECRET)
  } catch {
    return res.sendStatus(403) // expect-ignore: renewal token from the body at a token endpoint
  }
  res.json({ access: mintAccess(claims.handle) })
})

issuer.delete('/login', (req, res) => {
  liveRenewals.delete(req.body.renewal)
  res.sendStatus(204)
})

issuer.listen(Number(process.env.ISSUER_PORT || 4100), () => console.log('issuer ready'))
