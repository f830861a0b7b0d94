import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  ForbiddenException,
  Headers,
  HttpCode,
  HttpStatus,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  CurrentPrincipal,
  RateLimitPerCaller,
  Roles,
  ZodValidationPipe,
  correlationIdOf,
  type HttpRequest,
  type Principal,
} from '@platform/service-kit';
import { callerOf } from '../caller';
import { DomainError, mayPlaceOrderFor } from '../domain';
import { PLACE_ORDER_LIMIT } from '../order-config';
import { IdempotencyConflictError, PlaceOrderHandler } from './place-order.handler';
import { idempotencyKeyHeader, placeOrderRequest, type PlaceOrderRequest } from './place-order.request';

// Nest's @Headers() takes no pipes, so the header is checked in the handler, with the same 400.
const checkIdempotencyKey = new ZodValidationPipe(idempotencyKeyHeader, 'header.idempotency-key');

interface HeaderSink {
  header(name: string, value: string): unknown;
}

@ApiTags('orders')
@Controller('orders')
export class PlaceOrderController {
  constructor(private readonly placeOrder: PlaceOrderHandler) {}

  @Post()
  @Roles('customer', 'operator')
  @RateLimitPerCaller(PLACE_ORDER_LIMIT)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Place an order; it is confirmed or cancelled asynchronously by the saga',
    description:
      'A customer places orders in their own name only (customerId = the token subject); an operator for anyone.',
  })
  @ApiBody({ schema: z.toJSONSchema(placeOrderRequest) as object })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the same order; at most 255 characters',
  })
  @ApiHeader({
    name: 'X-Correlation-Id',
    required: false,
    description: 'Carried by every event of this order',
  })
  @ApiResponse({ status: 202, description: 'Accepted: { orderId, status: PENDING, correlationId }' })
  @ApiResponse({
    status: 400,
    description: 'Invalid body or Idempotency-Key: `fields` names each wrong field and rule',
  })
  @ApiResponse({
    status: 401,
    description: 'No valid bearer token: `error` says why (TOKEN_MISSING, TOKEN_EXPIRED, …)',
  })
  @ApiResponse({
    status: 403,
    description: 'A customer naming someone else as customerId (CUSTOMER_MISMATCH)',
  })
  @ApiResponse({ status: 409, description: 'Idempotency-Key reused with a different body' })
  @ApiResponse({ status: 413, description: 'Body larger than 100 kB' })
  @ApiResponse({
    status: 429,
    description: 'Too many orders from this customer; Retry-After says when to try again',
  })
  async place(
    @Body(new ZodValidationPipe(placeOrderRequest)) body: PlaceOrderRequest,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HeaderSink,
    @CurrentPrincipal() principal: Principal,
  ) {
    const access = mayPlaceOrderFor(callerOf(principal), body.customerId);
    if (!access.allowed)
      throw new ForbiddenException({ statusCode: 403, error: 'CUSTOMER_MISMATCH', message: access.reason });
    const idempotencyKey = checkIdempotencyKey.transform(idempotencyKeyHeader);
    const correlationId = correlationIdOf(request);
    response.header('X-Correlation-Id', correlationId);
    try {
      const placed = await this.placeOrder.execute(body, {
        correlationId,
        ...(idempotencyKey ? { idempotencyKey } : {}),
      });
      response.header('Location', `/orders/${placed.orderId}`);
      return placed;
    } catch (error) {
      if (error instanceof IdempotencyConflictError) {
        throw new ConflictException({
          statusCode: 409,
          error: error.code,
          message: error.message,
          orderId: error.orderId,
        });
      }
      if (error instanceof DomainError) {
        throw new BadRequestException({
          statusCode: 400,
          error: 'VALIDATION_FAILED',
          message: error.message,
          fields: [{ field: toRequestPath(error.field), rule: error.code, message: error.message }],
        });
      }
      throw error;
    }
  }
}

/** The domain says `lines[1].quantity`; the request validation says `lines.1.quantity`. One style for clients. */
function toRequestPath(field: string | undefined): string {
  return (field ?? '(body)').replace(/\[(\d+)\]/g, '.$1').replace('unitPrice', 'unitPriceMinor');
}
