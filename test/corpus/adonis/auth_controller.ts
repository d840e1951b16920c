import type { HttpContext } from '@adonisjs/core/http'
import hash from '@adonisjs/core/services/hash'
import User from '#models/user'

export default class AuthController {
  async login({ request, response }: HttpContext) {
    const { email, password } = request.only(['email', 'password'])
    const user = await User.findBy('email', email)
    if (!user) {
      return response.badRequest({ message: 'Invalid credentials' }) // expect: require-401-for-credential-failure
    }
    if (!(await hash.verify(user.password, password))) {
      return response.unauthorized({ message: 'Invalid credentials' }) // expect: require-www-authenticate
    }
    if (user.isBlocked) {
      return response.forbidden({ message: 'Your account is blocked' })
    }
    const token = await User.accessTokens.create(user)
    return response.ok({ token: token.value!.release() })
  }

  async me({ auth, response }: HttpContext) {
    const isLoggedIn = await auth.check()
    if (!isLoggedIn) {
      return response.forbidden({ message: 'You must be logged in' }) // expect: require-401-for-credential-failure
    }
    return auth.user
  }

  async register({ request, response }: HttpContext) {
    const payload = request.only(['email', 'password'])
    if (await User.findBy('email', payload.email)) {
      return response.conflict({ message: 'E-mail already registered' })
    }
    const user = await User.create(payload)
    return response.created(user)
  }
}
