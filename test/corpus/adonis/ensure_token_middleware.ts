import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import ApiToken from '#models/api_token'

export default class EnsureTokenMiddleware {
  async handle({ request, response }: HttpContext, next: NextFn) {
    const token = request.header('authorization')?.replace('Bearer ', '')
    if (!token) {
      return response.status(400).send({ error: 'Token missing' }) // expect: require-401-for-credential-failure
    }
    const record = await ApiToken.findBy('token', token)
    if (!record) {
      response.header('WWW-Authenticate', 'Bearer realm="adonis", error="invalid_token"')
      return response.unauthorized({ error: 'Invalid token' })
    }
    if (record.expiresAt.toMillis() < Date.now()) {
      return response.abort({ error: 'Token expired' }, 440) // expect: require-401-for-credential-failure
    }
    return next()
  }
}

export class AdminMiddleware {
  async handle({ auth, response }: HttpContext, next: NextFn) {
    if (auth.user?.role !== 'admin') {
      return response.unauthorized({ error: 'Admins only' }) // expect: require-403-for-permission-denial
    }
    return next()
  }
}

export class OwnerMiddleware {
  async handle({ auth, params, response }: HttpContext, next: NextFn) {
    if (String(auth.user?.id) !== params.userId) {
      return response.forbidden({ error: 'Not your profile' })
    }
    return next()
  }
}

export class ValidateJsonMiddleware {
  async handle({ request, response }: HttpContext, next: NextFn) {
    if (!request.is(['json'])) {
      return response.status(415).send({ error: 'JSON only' })
    }
    if (!request.input('data')) {
      return response.badRequest({ error: 'data is required' })
    }
    return next()
  }
}
