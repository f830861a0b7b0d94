import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@platform/service-kit';
import { TEST_CARDS, UNKNOWN_TOKEN_OUTCOME } from '../domain';

/** The simulated gateway's token table, so a demo can show which paymentMethod drives which path. */
@ApiTags('payments')
@Roles('customer', 'operator')
@Controller('test-cards')
export class TestCardsController {
  @Get()
  @ApiOperation({ summary: 'The test card tokens a POST /orders paymentMethod can name, and their outcome' })
  @ApiResponse({
    status: 200,
    description: '{ items: [{ token, outcome, description }], unknownTokenOutcome }',
  })
  list() {
    return { items: TEST_CARDS, unknownTokenOutcome: UNKNOWN_TOKEN_OUTCOME };
  }
}
