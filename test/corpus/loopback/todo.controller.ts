import { authenticate } from '@loopback/authentication';
import { authorize } from '@loopback/authorization';
import { inject } from '@loopback/core';
import { repository } from '@loopback/repository';
import { del, HttpErrors, param, patch, requestBody } from '@loopback/rest';
import { SecurityBindings, UserProfile } from '@loopback/security';
import { Todo } from '../models';
import { TodoRepository } from '../repositories';

@authenticate('jwt')
export class TodoController {
  constructor(@repository(TodoRepository) public todoRepository: TodoRepository) {}

  @patch('/todos/{id}')
  async updateTodoById(
    @inject(SecurityBindings.USER) currentUser: UserProfile,
    @param.path.number('id') id: number,
    @requestBody() todo: Partial<Todo>,
  ): Promise<void> {
    const existing = await this.todoRepository.findById(id);
    if (existing.ownerId !== currentUser.id) {
      throw new HttpErrors.Forbidden('You can only edit your own todos');
    }
    if (todo.title !== undefined && todo.title.trim() === '') {
      throw new HttpErrors.UnprocessableEntity('title must not be empty');
    }
    await this.todoRepository.updateById(id, todo);
  }

  @authorize({ allowedRoles: ['admin'] })
  @del('/todos/{id}')
  async deleteTodoById(
    @inject(SecurityBindings.USER) currentUser: UserProfile,
    @param.path.number('id') id: number,
  ): Promise<void> {
    if (!currentUser.roles?.includes('admin')) {
      throw new HttpErrors.Unauthorized('Only admins can delete todos'); // expect: require-403-for-permission-denial
    }
    await this.todoRepository.deleteById(id);
  }

  @patch('/todos/{id}/archive')
  async archive(@inject(SecurityBindings.USER) currentUser: UserProfile, @param.path.number('id') id: number): Promise<void> {
    const existing = await this.todoRepository.findById(id);
    if (existing.archived) throw new HttpErrors.Conflict('Todo already archived');
    if (existing.ownerId !== currentUser.id) throw new HttpErrors[403]('Not your todo');
    await this.todoRepository.updateById(id, { archived: true });
  }
}
