import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceConfig } from '@platform/messaging-nest';
import { AuthorizePaymentHandler } from './authorize-payment/authorize-payment.handler';
import { StockReservedController } from './authorize-payment/stock-reserved.controller';
import { GetPaymentController } from './get-payment/get-payment.controller';
import { PaymentQueries } from './get-payment/payment-queries';
import { PaymentRepository } from './payment.repository';
import { PrismaService } from './prisma.service';
import { TestCardsController } from './test-cards/test-cards.controller';

/** The payment service's composition root. */
@Module({})
export class PaymentModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: PaymentModule,
      imports: [
        ServiceModule.forRoot({
          app: 'payment',
          config,
          prisma: PrismaService,
          consumes: ['StockReserved'],
          produces: ['PaymentAuthorized', 'PaymentDeclined'],
        }),
      ],
      controllers: [GetPaymentController, TestCardsController, StockReservedController],
      providers: [PaymentRepository, PaymentQueries, AuthorizePaymentHandler],
    };
  }
}
