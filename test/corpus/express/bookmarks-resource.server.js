// Resource half of the two-process demo: bookmarks, readable with an access token from token-issuer.server.js.
require('dotenv').config()

const express = require('express')
const jwt = require('jsonwebtoken')

const bookmarks = [
  { id: 1, owner: 'ana', url: 'https://developer.mozilla.org/' },
  { id: 2, owner: 'tom', url: 'https://nodejs.org/api/' },
]

function requireAccessToken(req, res, next) {
  const [, presented] = (req.get('Authorization') || '').split(' ')
  if (!presented) return res.sendStatus(401) // expect: require-www-authenticate

  jwt.verify(presented, process.env.ACCESS_SECRET, (verifyError, claims) => {
    if (verifyError) {
      console.info('refusing access token:', verifyError.message)
      return res.sendStatus(403) // expect: require-401-for-credential-failure
    }
    req.handle = claims.handle
    next()
  })
}

const api = express()
api.use(express.json())

api.get('/bookmarks', requireAccessToken, (req, res) => {
  res.json(bookmarks.filter((bookmark) => bookmark.owner === req.handle))
})

api.delete('/bookmarks/:id', requireAccessToken, (req, res) => {
  const index = bookmarks.findIndex((bookmark) => bookmark.id === Number(req.params.id))
  if (index < 0) return res.sendStatus(404)
  if (bookmarks[index].owner !== req.handle) return res.sendStatus(403)
  bookmarks.splice(index, 1)
  res.sendStatus(204)
})

api.listen(Number(process.env.API_PORT || 4200))
