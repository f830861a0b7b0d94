import { BadRequestException, Body, Controller, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles, ZodValidationPipe } from '@platform/service-kit';
import { checkedStockLevel, DomainError } from '../domain';
import { PrismaService } from '../prisma.service';
import { StockRepository } from '../stock.repository';
import {
  setStockLevelParams,
  setStockLevelRequest,
  type SetStockLevelRequest,
} from './set-stock-level.request';

@ApiTags('stock')
@Roles('operator')
@Controller('stock')
export class SetStockLevelController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly stock: StockRepository,
  ) {}

  /**
   * Replaces the level (a stock count, a delivery booked by hand) rather than adding to it, so a
   * retried PUT does not count a delivery twice. Takes the row lock like a reservation does, so it
   * lands before or after a concurrent reservation, never in the middle of one.
   */
  @Put(':sku')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Set a SKU's available stock; a new SKU joins the catalogue" })
  @ApiParam({ name: 'sku', description: 'Stock keeping unit, 1-64 characters' })
  @ApiBody({ schema: z.toJSONSchema(setStockLevelRequest) as object })
  @ApiResponse({ status: 200, description: '{ sku, available, updatedAt }' })
  @ApiResponse({ status: 400, description: 'Invalid SKU or body: `fields` names each wrong field and rule' })
  async set(
    @Param(new ZodValidationPipe(setStockLevelParams)) { sku }: z.infer<typeof setStockLevelParams>,
    @Body(new ZodValidationPipe(setStockLevelRequest)) body: SetStockLevelRequest,
  ) {
    try {
      return await this.stock.set(this.prisma, sku, checkedStockLevel(sku, body.available), new Date());
    } catch (error) {
      if (error instanceof DomainError) {
        throw new BadRequestException({
          statusCode: 400,
          error: 'VALIDATION_FAILED',
          message: error.message,
          fields: [{ field: 'available', rule: error.code, message: error.message }],
        });
      }
      throw error;
    }
  }
}
