import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles, ZodValidationPipe } from '@platform/service-kit';
import { PaymentQueries } from './payment-queries';

const listQuery = z.object({
  orderId: z.string({ error: 'orderId is required' }).trim().min(1, 'orderId is required'),
});

@ApiTags('payments')
@Roles('operator')
@Controller('payments')
export class GetPaymentController {
  constructor(private readonly queries: PaymentQueries) {}

  @Get()
  @ApiOperation({ summary: "An order's payment, as a list: empty until the order's stock is reserved" })
  @ApiQuery({ name: 'orderId', required: true, description: 'The order whose payment to show' })
  @ApiResponse({ status: 200, description: '{ items: [payment] }, at most one item' })
  @ApiResponse({ status: 400, description: 'orderId missing: `fields` names it and the rule' })
  list(@Query(new ZodValidationPipe(listQuery)) query: z.infer<typeof listQuery>) {
    return this.queries.listByOrder(query.orderId);
  }

  @Get(':paymentId')
  @ApiOperation({ summary: 'A payment: order, amount, card token, AUTHORIZED or DECLINED with the reason' })
  @ApiResponse({ status: 200, description: 'The payment' })
  @ApiResponse({ status: 404, description: 'No payment with this id' })
  async findOne(@Param('paymentId') paymentId: string) {
    const payment = await this.queries.findOne(paymentId);
    if (!payment)
      throw new NotFoundException({
        statusCode: 404,
        error: 'PAYMENT_NOT_FOUND',
        message: `No payment ${paymentId}`,
      });
    return payment;
  }
}
