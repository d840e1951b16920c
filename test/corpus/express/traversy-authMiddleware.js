import jwt from 'jsonwebtoken'
import asyncHandler from 'express-async-handler'
import User from '../models/userModel.js'

const protect = asyncHandler(async (req, res, next) => {
  let token

  if (
    req.headers.authorization &&
    req.headers.authorization.startsWith('Bearer')
  ) {
    try {
      token = req.headers.authorization.split(' ')[1]

      const decoded = jwt.verify(token, process.env.JWT_SECRET)

      req.user = await User.findById(decoded.id).select('-password')

      next()
    } catch (error) {
      console.error(error)
      res.status(401) // expect: require-www-authenticate
      throw new Error('Not authorized, token failed')
    }
  }

  if (!token) {
    res.status(401) // expect: require-www-authenticate
    throw new Error('Not authorized, no token')
  }
})

const admin = (req, res, next) => {
  if (req.user && req.user.isAdmin) {
    next()
  } else {
    res.status(401) // expect: require-403-for-permission-denial
    throw new Error('Not authorized as an admin')
  }
}

const seller = (req, res, next) => {
  if (req.user && req.user.role === 'seller') {
    return next()
  }
  res.status(403)
  throw new Error('Seller account required')
}

export { protect, admin, seller }
