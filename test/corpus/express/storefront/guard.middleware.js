import jwt from 'jsonwebtoken'
import asyncHandler from 'express-async-handler'
import Customer from '../models/customer.model.js'

function bearerFrom(req) {
  const header = req.headers.authorization || ''
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : null
}

// Route guard: the error middleware turns the thrown Error into JSON with the status set here.
export const signedIn = asyncHandler(async (req, res, next) => {
  const accessToken = bearerFrom(req)

  if (!accessToken) {
    res.status(401) // expect: require-www-authenticate
    throw new Error('Sign in to continue: no access token sent')
  }

  let claims
  try {
    claims = jwt.verify(accessToken, process.env.ACCESS_TOKEN_KEY)
  } catch (verifyError) {
    res.status(401) // expect: require-www-authenticate
    throw new Error(`Access token rejected (${verifyError.name})`)
  }

  req.customer = await Customer.findById(claims.cid).select('-passwordHash')
  next()
})

export function staffOnly(req, res, next) {
  if (!req.customer?.isStaff) {
    res.status(401) // expect: require-403-for-permission-denial
    throw new Error('Not authorized to manage the shop: staff only')
  }
  next()
}

export function vendorAccount(req, res, next) {
  if (req.customer?.accountType !== 'vendor') {
    res.status(403)
    throw new Error('Listing products needs a vendor account')
  }
  next()
}
