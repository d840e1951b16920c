import { authenticate } from '@loopback/authentication';
import { authorize } from '@loopback/authorization';
import { inject } from '@loopback/core';
import { repository } from '@loopback/repository';
import { del, HttpErrors, param, post, put, requestBody } from '@loopback/rest';
import { SecurityBindings, UserProfile } from '@loopback/security';
import { Task } from '../models';
import { TaskRepository } from '../repositories';

@authenticate('bearer-token')
export class TaskController {
  constructor(@repository(TaskRepository) private readonly tasks: TaskRepository) {}

  @put('/boards/{boardId}/tasks/{taskId}')
  async replace(
    @inject(SecurityBindings.USER) caller: UserProfile,
    @param.path.string('boardId') boardId: string,
    @param.path.string('taskId') taskId: string,
    @requestBody() body: Pick<Task, 'summary' | 'dueOn'>,
  ): Promise<Task> {
    const task = await this.tasks.findOne({ where: { id: taskId, boardId } });
    if (!task) throw new HttpErrors.NotFound(`No task ${taskId} on board ${boardId}`);
    if (task.assigneeId !== caller.id) {
      throw new HttpErrors.Forbidden('Only the assignee can edit a task');
    }
    if (!body.summary?.trim()) {
      throw new HttpErrors.UnprocessableEntity('summary cannot be blank');
    }
    await this.tasks.updateById(task.id, body);
    return this.tasks.findById(task.id);
  }

  @authorize({ allowedRoles: ['board-admin'] })
  @del('/boards/{boardId}/tasks/{taskId}')
  async remove(@inject(SecurityBindings.USER) caller: UserProfile, @param.path.string('taskId') taskId: string): Promise<void> {
    const roles: string[] = caller.roles ?? [];
    if (!roles.includes('board-admin')) {
      throw new HttpErrors.Unauthorized('Only board admins may delete tasks'); // expect: require-403-for-permission-denial
    }
    await this.tasks.deleteById(taskId);
  }

  @post('/boards/{boardId}/tasks/{taskId}/close')
  async close(@inject(SecurityBindings.USER) caller: UserProfile, @param.path.string('taskId') taskId: string): Promise<void> {
    const task = await this.tasks.findById(taskId);
    if (task.closedAt) {
      throw new HttpErrors.Conflict('Task is closed already');
    }
    if (task.assigneeId !== caller.id) throw new HttpErrors[403]('Only the assignee can close a task');
    await this.tasks.updateById(taskId, { closedAt: new Date().toISOString() });
  }
}
