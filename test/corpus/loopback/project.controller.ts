import { authenticate } from '@loopback/authentication';
import { inject } from '@loopback/core';
import { repository } from '@loopback/repository';
import { get, HttpErrors, param, post, requestBody, Request, RestBindings } from '@loopback/rest';
import { SecurityBindings, UserProfile } from '@loopback/security';
import { ProjectRepository } from '../repositories';

export class ProjectController {
  constructor(@repository(ProjectRepository) private projects: ProjectRepository) {}

  @authenticate('jwt')
  @get('/projects/{id}')
  async find(@param.path.string('id') id: string, @inject(SecurityBindings.USER) user: UserProfile) {
    const project = await this.projects.findOne({ where: { id } });
    if (!project) throw new HttpErrors.NotFound('Project not found');
    if (!project.memberIds.includes(user.id)) {
      throw new HttpErrors.Forbidden('You are not a member of this project');
    }
    return project;
  }

  @post('/projects/{id}/share')
  async share(
    @param.path.string('id') id: string,
    @requestBody() body: { email?: string },
    @inject(RestBindings.Http.REQUEST) request: Request,
  ) {
    const sessionToken = request.headers['x-session-token'];
    if (!sessionToken) {
      throw new HttpErrors.Forbidden('x-session-token header is required'); // expect: require-401-for-credential-failure
    }
    if (!body.email) throw new HttpErrors.BadRequest('email is required');
    if (await this.projects.isSharedWith(id, body.email)) {
      throw new HttpErrors.Conflict('Already shared with this e-mail');
    }
    return this.projects.share(id, body.email);
  }
}
