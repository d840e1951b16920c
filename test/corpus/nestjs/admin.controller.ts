import {
  Body, Controller, Delete, Get, Param, Post, Query, Req, Res, UseGuards,
  BadRequestException, ConflictException, ForbiddenException, HttpException, HttpStatus, NotFoundException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { BearerSessionGuard } from './bearer-session.guard';
import { AdminService } from './admin.service';

type AuthedRequest = Request & { user: { sub: string; roles: string[]; tenantId: string } };

@Controller('admin')
@UseGuards(BearerSessionGuard)
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Get('tenants/:id/users')
  async users(@Param('id') tenantId: string, @Req() req: AuthedRequest, @Query('page') page = '1') {
    if (req.user.tenantId !== tenantId && !req.user.roles.includes('superadmin')) {
      throw new ForbiddenException('Cross-tenant access denied');
    }
    const pageNumber = Number(page);
    if (!Number.isInteger(pageNumber) || pageNumber < 1) {
      throw new BadRequestException('page must be a positive integer');
    }
    return this.admin.users(tenantId, pageNumber);
  }

  @Post('tenants')
  async createTenant(@Body() body: { slug?: string }, @Req() req: AuthedRequest) {
    if (!req.user.roles.includes('superadmin')) {
      throw new HttpException('Superadmin only', HttpStatus.FORBIDDEN);
    }
    if (!body.slug) throw new BadRequestException('slug is required');
    if (await this.admin.tenantExists(body.slug)) throw new ConflictException('slug already taken');
    return this.admin.createTenant(body.slug);
  }

  @Delete('tenants/:id')
  async deleteTenant(@Param('id') id: string, @Req() req: AuthedRequest) {
    const tenant = await this.admin.tenant(id);
    if (!tenant) throw new NotFoundException('Tenant not found');
    if (tenant.protected) {
      throw new ForbiddenException('Protected tenants cannot be deleted');
    }
    if (!req.user.roles.includes('superadmin')) {
      throw new HttpException({ message: 'Only superadmins may delete tenants' }, 401); // expect: require-403-for-permission-denial
    }
    return this.admin.deleteTenant(id);
  }

  @Get('export')
  async export(@Req() req: AuthedRequest, @Res() res: Response) {
    const exportToken = req.header('x-export-token');
    if (!exportToken) {
      return res
        .status(HttpStatus.UNAUTHORIZED)
        .set('WWW-Authenticate', 'ExportToken realm="admin"')
        .json({ message: 'Export token required' });
    }
    if (!(await this.admin.checkExportToken(exportToken))) {
      return res.status(HttpStatus.FORBIDDEN).json({ message: 'Export token rejected' }); // expect: require-401-for-credential-failure
    }
    return res.attachment('export.csv').send(await this.admin.exportCsv(req.user.tenantId));
  }
}
