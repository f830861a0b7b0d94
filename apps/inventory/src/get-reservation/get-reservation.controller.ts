import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@platform/service-kit';
import { PrismaService } from '../prisma.service';
import { ReservationRepository } from '../reservation.repository';

@ApiTags('reservations')
@Roles('operator')
@Controller('reservations')
export class GetReservationController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly reservations: ReservationRepository,
  ) {}

  @Get(':orderId')
  @ApiOperation({ summary: 'What an order holds (HELD) or gave back (RELEASED)' })
  @ApiParam({ name: 'orderId', description: 'The order id from POST /orders' })
  @ApiResponse({
    status: 200,
    description: '{ orderId, status, channel, lines: [{ sku, quantity }], createdAt, releasedAt }',
  })
  @ApiResponse({
    status: 404,
    description: 'RESERVATION_NOT_FOUND: the order is unknown, not yet seen, or its stock was rejected',
  })
  async findOne(@Param('orderId') orderId: string) {
    const reservation = await this.reservations.find(this.prisma, orderId);
    if (!reservation)
      throw new NotFoundException({
        statusCode: 404,
        error: 'RESERVATION_NOT_FOUND',
        message: `No reservation for order ${orderId}`,
      });
    return reservation;
  }
}
