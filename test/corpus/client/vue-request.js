import axios from 'axios'
import { ElMessage } from 'element-plus'
import { useUserStore } from '@/stores/user'
import router from '@/router'

// Business codes in the JSON envelope; the HTTP status is 200 for these.
const SESSION_ENDED_CODES = new Set([40101, 40102])

const request = axios.create({ baseURL: import.meta.env.VITE_API_BASE, timeout: 10000 })

request.interceptors.request.use((config) => {
  const user = useUserStore()
  if (user.token) config.headers.Authorization = `Bearer ${user.token}`
  return config
})

request.interceptors.response.use(
  (response) => {
    const envelope = response.data
    if (SESSION_ENDED_CODES.has(envelope.code)) {
      useUserStore().signOut()
      return Promise.reject(new Error(envelope.msg || 'Session ended'))
    }
    return envelope.data
  },
  async (error) => {
    const user = useUserStore()
    const { config, response } = error
    if (!response) {
      ElMessage.error('Network error')
      return Promise.reject(error)
    }
    // The gateway wraps upstream errors: envelope code 403 is what it says for an expired token.
    if (response.data?.code === 403 && !config.__renewed) { // expect: refresh-token-on-401
      config.__renewed = true
      await user.renewToken()
      config.headers.Authorization = `Bearer ${user.token}`
      return request(config)
    }
    switch (response.status) {
      case 401:
        await user.signOut()
        router.replace({ path: '/login', query: { redirect: router.currentRoute.value.fullPath } })
        break
      case 403:
        ElMessage.error('You do not have permission for this action')
        router.push('/error/403')
        break
      case 422:
        ElMessage.warning('Some fields need attention')
        break
      default:
        ElMessage.error(response.data?.msg || 'Request failed')
    }
    return Promise.reject(error)
  }
)

export default request
