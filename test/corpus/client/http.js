import axios from 'axios'
import store from '@/store'
import router from '@/router'
import { Message } from 'element-ui'

const service = axios.create({ baseURL: process.env.VUE_APP_BASE_API, timeout: 5000 })

service.interceptors.request.use(config => {
  if (store.getters.token) {
    config.headers['X-Token'] = store.getters.token
  }
  return config
})

service.interceptors.response.use(
  response => {
    const res = response.data
    // 50008: Illegal token; 50012: Other clients logged in; 50014: Token expired
    if (res.code === 50008 || res.code === 50012 || res.code === 50014) {
      store.dispatch('user/resetToken').then(() => location.reload())
      return Promise.reject(new Error(res.message || 'Error'))
    }
    return res
  },
  async error => {
    const { config, response } = error
    if (response && response.data && response.data.code === 403 && !config.__isRetry) { // expect: refresh-token-on-401
      config.__isRetry = true
      await store.dispatch('user/refreshToken')
      config.headers['X-Token'] = store.getters.token
      return service(config)
    }
    if (response && response.status === 403) {
      Message({ message: 'You do not have permission to do this', type: 'error', duration: 5 * 1000 })
      router.push('/403')
    }
    if (response && response.status === 401) {
      await store.dispatch('user/logout')
      router.push(`/login?redirect=${router.currentRoute.fullPath}`)
    }
    if (response && response.status === 422) {
      Message({ message: 'Please check the form', type: 'warning' })
    }
    return Promise.reject(error)
  }
)

export default service
