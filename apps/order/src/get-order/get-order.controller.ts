import { Controller, ForbiddenException, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, Roles, ZodValidationPipe, type Principal } from '@platform/service-kit';
import { callerOf } from '../caller';
import { maySeeOrder, orderListScope } from '../domain';
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

/** Customers read their own orders only; operators every order. */
@ApiTags('orders')
@Roles('customer', 'operator')
@Controller('orders')
export class GetOrderController {
  constructor(private readonly queries: OrderQueries) {}

  @Get(':orderId')
  @ApiOperation({ summary: 'An order: status, lines, total, cancellation reason and event history' })
  @ApiResponse({
    status: 404,
    description: 'No such order, or (for a customer) not theirs: the two look alike',
  })
  async findOne(@Param('orderId') orderId: string, @CurrentPrincipal() principal: Principal) {
    const order = await this.queries.findOne(orderId);
    if (!order || !maySeeOrder(callerOf(principal), order))
      throw new NotFoundException({
        statusCode: 404,
        error: 'ORDER_NOT_FOUND',
        message: `No order ${orderId}`,
      });
    return order;
  }

  @Get()
  @ApiOperation({
    summary: 'Orders, newest first, filtered by status and customer, with cursor pagination',
    description: "A customer's listing shows only their own orders.",
  })
  @ApiResponse({ status: 403, description: 'A customer asking for another customer’s orders' })
  @ApiQuery({ name: 'status', required: false, enum: ['PENDING', 'CONFIRMED', 'CANCELLED'] })
  @ApiQuery({ name: 'customerId', required: false })
  @ApiQuery({
    name: 'limit',
    required: false,
    description: '1-100, default 20',
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  list(
    @Query(new ZodValidationPipe(listQuery)) query: z.infer<typeof listQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const scope = orderListScope(callerOf(principal), query.customerId);
    if (!scope.allowed)
      throw new ForbiddenException({ statusCode: 403, error: 'CUSTOMER_MISMATCH', message: scope.reason });
    const { customerId: _requested, ...filters } = query;
    return this.queries.list({ ...filters, ...(scope.customerId ? { customerId: scope.customerId } : {}) });
  }
}
