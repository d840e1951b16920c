import type { HttpContext } from '@adonisjs/core/http'
import Document from '#models/document'
import DocumentPolicy from '#policies/document_policy'

export default class DocumentsController {
  async show({ bouncer, params, response }: HttpContext) {
    const document = await Document.find(params.id)
    if (!document) {
      return response.notFound({ message: 'Document not found' })
    }
    if (await bouncer.with(DocumentPolicy).denies('view', document)) {
      return response.forbidden({ message: 'You cannot view this document' })
    }
    return document
  }

  async update({ auth, params, request, response }: HttpContext) {
    const document = await Document.findOrFail(params.id)
    if (document.ownerId !== auth.user!.id) {
      return response.unauthorized({ message: 'You are not the owner of this document' }) // expect: require-403-for-permission-denial
    }
    const title = request.input('title')
    if (!title) {
      return response.badRequest({ message: 'title is required' })
    }
    if (document.locked) {
      return response.conflict({ message: 'Document is locked' })
    }
    document.title = title
    await document.save()
    return document
  }

  async shareLink({ request, response }: HttpContext) {
    const linkToken = request.qs().token
    if (!linkToken) {
      return response.status(400).send({ message: 'Share link token missing' })
    }
    const doc = await Document.findBy('shareToken', linkToken)
    if (!doc || doc.shareExpiresAt.toMillis() < Date.now()) {
      return response.status(410).send({ message: 'This share link has expired' })
    }
    return doc
  }

  async apiUpload({ request, response }: HttpContext) {
    const token = request.header('x-upload-token')
    if (!token) {
      return response.status(403).send({ message: 'Upload token missing from request headers' }) // expect: require-401-for-credential-failure
    }
    return response.accepted({ queued: true })
  }
}
