import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@platform/service-kit';
import { PrismaService } from '../prisma.service';
import { StockRepository } from '../stock.repository';

@ApiTags('stock')
@Roles('operator')
@Controller('stock')
export class GetStockController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly stock: StockRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every SKU in the catalogue with what can still be sold, by SKU' })
  @ApiResponse({ status: 200, description: '{ items: [{ sku, available, updatedAt }] }' })
  async list() {
    return { items: await this.stock.list(this.prisma) };
  }

  @Get(':sku')
  @ApiOperation({ summary: "One SKU's available stock" })
  @ApiParam({ name: 'sku', description: 'Stock keeping unit, e.g. SKU-1' })
  @ApiResponse({ status: 200, description: '{ sku, available, updatedAt }' })
  @ApiResponse({ status: 404, description: 'SKU_NOT_FOUND: the SKU is not in the catalogue' })
  async findOne(@Param('sku') sku: string) {
    const level = await this.stock.find(this.prisma, sku);
    if (!level)
      throw new NotFoundException({
        statusCode: 404,
        error: 'SKU_NOT_FOUND',
        message: `No stock for SKU ${sku}`,
      });
    return level;
  }
}
