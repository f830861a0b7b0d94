import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceConfig } from '@platform/messaging-nest';
import { AuthorizePaymentHandler } from './authorize-payment/authorize-payment.handler';
import { StockReservedController } from './authorize-payment/stock-reserved.controller';
import { GetPaymentController } from './get-payment/get-payment.controller';
import { PaymentQueries } from './get-payment/payment-queries';
import { PaymentRepository } from './payment.repository';
import { PrismaService } from './prisma.service';
import { CancellationsController } from './refund-payment/cancellations.controller';
import { RefundPaymentHandler } from './refund-payment/refund-payment.handler';
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
          consumes: ['StockReserved', 'OrderCancelled', 'RefundPayment'],
          produces: ['PaymentAuthorized', 'PaymentDeclined', 'PaymentRefunded'],
        }),
      ],
      controllers: [
        GetPaymentController,
        TestCardsController,
        StockReservedController,
        CancellationsController,
      ],
      providers: [PaymentRepository, PaymentQueries, AuthorizePaymentHandler, RefundPaymentHandler],
    };
  }
}
