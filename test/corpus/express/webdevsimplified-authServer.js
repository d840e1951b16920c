require('dotenv').config()

const express = require('express')
const jwt = require('jsonwebtoken')
const bcrypt = require('bcrypt')

const app = express()
app.use(express.json())

const users = []
let refreshTokens = []

app.post('/users', async (req, res) => {
  if (!req.body.name || !req.body.password) return res.status(400).send('name and password are required')
  if (users.find(user => user.name === req.body.name)) return res.status(409).send('User already exists')
  try {
    const hashedPassword = await bcrypt.hash(req.body.password, 10)
    users.push({ name: req.body.name, password: hashedPassword })
    res.status(201).send()
  } catch {
    res.status(500).send()
  }
})

app.post('/token', (req, res) => {
  const refreshToken = req.body.token
  if (refreshToken == null) return res.sendStatus(401) // expect: require-www-authenticate
  if (!refreshTokens.includes(refreshToken)) return res.sendStatus(403) // expect-ignore: refresh token from the body at a token endpoint (invalid_grant territory)
  jwt.verify(refreshToken, process.env.REFRESH_TOKEN_SECRET, (err, user) => {
    if (err) return res.sendStatus(403) // expect-ignore: refresh token from the body at a token endpoint
    const accessToken = generateAccessToken({ name: user.name })
    res.json({ accessToken: accessToken })
  })
})

app.delete('/logout', (req, res) => {
  refreshTokens = refreshTokens.filter(token => token !== req.body.token)
  res.sendStatus(204)
})

app.post('/login', async (req, res) => {
  const user = users.find(user => user.name === req.body.username)
  if (user == null) {
    return res.status(400).send('Cannot find user') // expect: require-401-for-credential-failure
  }
  try {
    if (await bcrypt.compare(req.body.password, user.password)) {
      const accessToken = generateAccessToken({ name: user.name })
      const refreshToken = jwt.sign({ name: user.name }, process.env.REFRESH_TOKEN_SECRET)
      refreshTokens.push(refreshToken)
      res.json({ accessToken: accessToken, refreshToken: refreshToken })
    } else {
      res.status(403).send('Not Allowed') // expect: require-401-for-credential-failure
    }
  } catch {
    res.status(500).send()
  }
})

function generateAccessToken(user) {
  return jwt.sign(user, process.env.ACCESS_TOKEN_SECRET, { expiresIn: '15s' })
}

app.listen(4000)
