require('dotenv').config()

const express = require('express')
const jwt = require('jsonwebtoken')

const app = express()
app.use(express.json())

const posts = [
  { username: 'Kyle', title: 'Post 1' },
  { username: 'Jim', title: 'Post 2' },
]

app.get('/posts', authenticateToken, (req, res) => {
  res.json(posts.filter(post => post.username === req.user.name))
})

app.delete('/posts/:title', authenticateToken, (req, res) => {
  const post = posts.find(p => p.title === req.params.title)
  if (!post) return res.sendStatus(404)
  if (post.username !== req.user.name) return res.sendStatus(403)
  posts.splice(posts.indexOf(post), 1)
  res.sendStatus(204)
})

function authenticateToken(req, res, next) {
  const authHeader = req.headers['authorization']
  const token = authHeader && authHeader.split(' ')[1]
  if (token == null) return res.sendStatus(401) // expect: require-www-authenticate

  jwt.verify(token, process.env.ACCESS_TOKEN_SECRET, (err, user) => {
    console.log(err)
    if (err) return res.sendStatus(403) // expect: require-401-for-credential-failure
    req.user = user
    next()
  })
}

app.listen(3000)
