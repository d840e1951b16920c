import type { HttpContext } from '@adonisjs/core/http'
import Post from '#models/post'

export default class PostsController {
  async update({ auth, params, request, response }: HttpContext) {
    const user = auth.user
    if (!user) {
      return response.status(401).send({ message: 'Not authenticated' }) // expect: require-www-authenticate
    }
    const post = await Post.findOrFail(params.id)
    if (post.userId !== user.id) {
      return response.status(403).send({ message: 'You cannot edit this post' })
    }
    post.merge(request.only(['title', 'body']))
    await post.save()
    return post
  }

  async destroy({ auth, params, response }: HttpContext) {
    const post = await Post.findOrFail(params.id)
    response.abortUnless(auth.user?.id === post.userId, { message: 'Only the author can delete' }, 403)
    await post.delete()
    return response.noContent()
  }

  async publish({ auth, params, response }: HttpContext) {
    const post = await Post.findOrFail(params.id)
    if (!auth.user?.isEditor) {
      return response.status(401).send({ message: 'Editor role required to publish' }) // expect: require-403-for-permission-denial
    }
    post.published = true
    await post.save()
    return post
  }
}
