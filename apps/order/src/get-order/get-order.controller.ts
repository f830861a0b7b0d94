import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ZodValidationPipe } from '@platform/service-kit';
import { decodeCursor } from './order-cursor';
import { OrderQueries } from './order-queries';

const listQuery = z.object({
  status: z.enum(['PENDING', 'CONFIRMED', 'CANCELLED']).optional(),
  customerId: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .refine((c) => decodeCursor(c) !== undefined, 'not a cursor from a previous page')
    .optional(),
});

@ApiTags('orders')
@Controller('orders')
export class GetOrderController {
  constructor(private readonly queries: OrderQueries) {}

  @Get(':orderId')
  @ApiOperation({ summary: 'An order: status, lines, total, cancellation reason and event history' })
  async findOne(@Param('orderId') orderId: string) {
    const order = await this.queries.findOne(orderId);
    if (!order)
      throw new NotFoundException({
        statusCode: 404,
        error: 'ORDER_NOT_FOUND',
        message: `No order ${orderId}`,
      });
    return order;
  }

  @Get()
  @ApiOperation({ summary: 'Orders, newest first, filtered by status and customer, with cursor pagination' })
  @ApiQuery({ name: 'status', required: false, enum: ['PENDING', 'CONFIRMED', 'CANCELLED'] })
  @ApiQuery({ name: 'customerId', required: false })
  @ApiQuery({
    name: 'limit',
    required: false,
    description: '1-100, default 20',
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  list(@Query(new ZodValidationPipe(listQuery)) query: z.infer<typeof listQuery>) {
    return this.queries.list(query);
  }
}
