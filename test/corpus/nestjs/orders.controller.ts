import {
  Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Req, Res, UseGuards,
  ForbiddenException, HttpStatus, NotFoundException, UnauthorizedException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { BearerSessionGuard } from './bearer-session.guard';
import { RequireRoles, RequireRolesGuard } from './access.guards';
import { OrdersService } from './orders.service';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get(':id')
  @UseGuards(BearerSessionGuard)
  async findOne(@Param('id') id: string, @Req() req: Request & { user: { sub: string } }) {
    const order = await this.orders.find(id);
    if (!order) throw new NotFoundException();
    if (order.customerId !== req.user.sub) {
      throw new ForbiddenException('This order belongs to another customer');
    }
    return order;
  }

  @Delete(':id')
  @RequireRoles('admin')
  @UseGuards(BearerSessionGuard, RequireRolesGuard)
  @HttpCode(204)
  async remove(@Param('id') id: string) {
    await this.orders.remove(id);
  }

  @Post('import')
  async import(@Headers('authorization') authorization: string | undefined, @Body() body: unknown, @Res() res: Response) {
    if (!authorization) {
      return res.status(HttpStatus.FORBIDDEN).json({ message: 'Authorization header missing' }); // expect: require-401-for-credential-failure
    }
    if (!(await this.orders.verifyImportToken(authorization))) {
      return res
        .status(HttpStatus.UNAUTHORIZED)
        .setHeader('WWW-Authenticate', 'Bearer realm="orders", error="invalid_token"')
        .json({ message: 'Invalid import token' });
    }
    return res.status(HttpStatus.ACCEPTED).json(await this.orders.import(body));
  }

  @Post(':id/refund')
  @UseGuards(BearerSessionGuard)
  async refund(@Param('id') id: string, @Req() req: Request & { user: { sub: string; roles: string[] } }) {
    if (!req.user.roles.includes('support')) {
      throw new UnauthorizedException('Support role required for refunds'); // expect: require-403-for-permission-denial
    }
    return this.orders.refund(id);
  }
}
