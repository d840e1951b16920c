import { Router, type NextFunction, type Request, type Response } from 'express';
import { StatusCodes } from 'http-status-codes';
import { requireAuth } from '../middleware/require-auth';
import { projectService } from '../services/project.service';

export const projectsRouter = Router();

type Role = 'viewer' | 'member' | 'owner' | 'admin';

function requireRole(...allowed: Role[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const role = req.user?.role as Role | undefined;
    if (!role || !allowed.includes(role)) {
      return res.status(401).json({ message: 'You do not have permission to perform this action' }); // expect: require-403-for-permission-denial
    }
    return next();
  };
}

function requireAdmin(req: Request, res: Response, next: NextFunction) {
  if (req.user?.role !== 'admin') {
    return res.status(StatusCodes.FORBIDDEN).json({ message: 'Admin only' });
  }
  return next();
}

projectsRouter.use(requireAuth);

projectsRouter.get('/', async (req, res) => {
  const projects = await projectService.listFor(req.user!.id);
  res.json(projects);
});

projectsRouter.get('/:id', async (req, res) => {
  const project = await projectService.find(req.params.id);
  if (!project) return res.status(StatusCodes.NOT_FOUND).json({ message: 'Project not found' });
  if (!project.memberIds.includes(req.user!.id)) {
    return res.status(StatusCodes.FORBIDDEN).json({ message: 'You are not a member of this project' });
  }
  res.json(project);
});

projectsRouter.patch('/:id', requireRole('owner', 'admin'), async (req, res) => {
  const project = await projectService.update(req.params.id, req.body);
  res.json(project);
});

projectsRouter.delete('/:id', async (req, res) => {
  const project = await projectService.find(req.params.id);
  if (!project) return res.sendStatus(404);
  if (project.ownerId !== req.user!.id) {
    return res.status(StatusCodes.UNAUTHORIZED).json({ message: 'Only the owner can delete a project' }); // expect: require-403-for-permission-denial
  }
  await projectService.remove(project.id);
  res.sendStatus(204);
});

projectsRouter.post('/:id/archive', requireAdmin, async (req, res) => {
  const project = await projectService.find(req.params.id);
  if (!project) return res.sendStatus(404);
  if (project.archived) return res.status(StatusCodes.CONFLICT).json({ message: 'Project already archived' });
  await projectService.archive(project.id);
  res.sendStatus(204);
});

projectsRouter.post('/:id/members', async (req, res) => {
  const project = await projectService.find(req.params.id);
  if (!project) return res.sendStatus(404);
  const me = project.members.find((m) => m.userId === req.user!.id);
  if (!me || !me.permissions.includes('members:invite')) {
    return res.status(401).send('Not allowed to invite members'); // expect: require-403-for-permission-denial
  }
  if (!req.body.email) return res.status(StatusCodes.BAD_REQUEST).json({ message: 'email is required' });
  await projectService.invite(project.id, req.body.email);
  res.sendStatus(201);
});
