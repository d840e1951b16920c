import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

router
  .get('/dashboard', async ({ auth, response, view }) => {
    if (!(await auth.use('web').check())) {
      return response.redirect('/login')
    }
    return view.render('dashboard')
  })

router.get('/api/profile', async ({ auth, response }) => {
  try {
    await auth.use('api').authenticate()
  } catch {
    return response.status(403).json({ error: 'Token missing or invalid' }) // expect: require-401-for-credential-failure
  }
  return auth.use('api').user
})

router.get('/api/reports', async ({ auth, response }) => {
  const user = await auth.use('api').authenticate()
  if (!user.canViewReports) {
    return response.forbidden({ error: 'Reports are not enabled for your role' })
  }
  return []
}).use(middleware.auth())

router.post('/api/session/check', async ({ request, response }) => {
  const sessionId = request.cookie('adonis-session')
  if (!sessionId) {
    return response.status(419).json({ error: 'Page expired' }) // expect: require-401-for-credential-failure
  }
  return { ok: true }
})
