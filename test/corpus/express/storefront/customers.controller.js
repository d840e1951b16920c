import asyncHandler from 'express-async-handler'
import Customer from '../models/customer.model.js'
import Rating from '../models/rating.model.js'
import { signAccessToken } from '../lib/tokens.js'

const publicView = (customer) => ({
  id: customer._id,
  displayName: customer.displayName,
  email: customer.email,
  isStaff: customer.isStaff,
})

// POST /api/customers/session
export const openSession = asyncHandler(async (req, res) => {
  const customer = await Customer.findOne({ email: String(req.body.email).toLowerCase() })
  const passwordMatches = customer ? await customer.passwordMatches(req.body.password) : false

  if (!passwordMatches) {
    res.status(401) // expect: require-www-authenticate
    throw new Error('E-mail or password not recognised')
  }

  res.json({ ...publicView(customer), accessToken: signAccessToken(customer._id) })
})

// POST /api/customers
export const createCustomer = asyncHandler(async (req, res) => {
  const { displayName, email, password } = req.body
  if (await Customer.exists({ email })) {
    res.status(400)
    throw new Error('That e-mail already has an account')
  }

  const created = await Customer.create({ displayName, email, password })
  if (!created) {
    res.status(400)
    throw new Error('Customer details could not be saved')
  }
  res.status(201).json({ ...publicView(created), accessToken: signAccessToken(created._id) })
})

// GET /api/customers/me
export const myAccount = asyncHandler(async (req, res) => {
  const me = await Customer.findById(req.customer._id)
  if (!me) {
    res.status(404)
    throw new Error('Customer record missing')
  }
  res.json(publicView(me))
})

// PATCH /api/customers/:id (staff)
export const editCustomer = asyncHandler(async (req, res) => {
  const target = await Customer.findById(req.params.id)
  if (!target) {
    res.status(404)
    throw new Error('Customer record missing')
  }
  const editingOtherStaff = target.isStaff && !target._id.equals(req.customer._id)
  if (editingOtherStaff) {
    res.status(403)
    throw new Error('Staff accounts can only be edited by their owner')
  }

  Object.assign(target, {
    displayName: req.body.displayName ?? target.displayName,
    email: req.body.email ?? target.email,
    isStaff: Boolean(req.body.isStaff),
  })
  res.json(publicView(await target.save()))
})

// DELETE /api/products/:productId/ratings/:ratingId
export const withdrawRating = asyncHandler(async (req, res) => {
  const rating = await Rating.findOne({ _id: req.params.ratingId, product: req.params.productId })
  if (!rating) {
    res.status(404)
    throw new Error('Rating not found')
  }
  if (!rating.author.equals(req.customer._id)) {
    res.status(401) // expect: require-403-for-permission-denial
    throw new Error('You are not allowed to withdraw a rating written by someone else')
  }
  await rating.deleteOne()
  res.json({ withdrawn: rating._id })
})
