import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles, ZodValidationPipe } from '@platform/service-kit';
import { NotificationQueries } from './notification-queries';

const byOrderQuery = z.object({
  orderId: z.string({ error: 'is required' }).trim().min(1, 'must not be empty'),
});

@ApiTags('notifications')
@Roles('operator')
@Controller('notifications')
export class GetNotificationController {
  constructor(private readonly queries: NotificationQueries) {}

  @Get()
  @ApiOperation({ summary: "An order's notifications: at most one per outcome (confirmed, cancelled)" })
  @ApiQuery({ name: 'orderId', required: true, description: 'The order the notifications are about' })
  @ApiResponse({ status: 200, description: '{ items: [notification] }, oldest first; empty when none yet' })
  @ApiResponse({ status: 400, description: 'orderId missing: `fields` names it and the rule' })
  async forOrder(@Query(new ZodValidationPipe(byOrderQuery)) query: z.infer<typeof byOrderQuery>) {
    return { items: await this.queries.forOrder(query.orderId) };
  }

  @Get(':notificationId')
  @ApiOperation({ summary: 'A notification: channel, recipient, subject, body, status and when it was sent' })
  @ApiParam({ name: 'notificationId' })
  @ApiResponse({ status: 200, description: 'The notification' })
  @ApiResponse({ status: 404, description: 'No such notification' })
  async findOne(@Param('notificationId') notificationId: string) {
    const notification = await this.queries.findOne(notificationId);
    if (!notification)
      throw new NotFoundException({
        statusCode: 404,
        error: 'NOTIFICATION_NOT_FOUND',
        message: `No notification ${notificationId}`,
      });
    return notification;
  }
}
