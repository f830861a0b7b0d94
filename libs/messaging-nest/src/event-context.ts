import { BaseRpcContext } from '@nestjs/microservices';
import type { IncomingMessage, Transaction } from '@platform/messaging';

/**
 * What an @EventPattern handler gets besides the event (`@Ctx() { tx }: EventContext`): the batch's
 * transaction, in which it writes and enqueues the events it causes, and the Kafka record it came in.
 */
export class EventContext extends BaseRpcContext<[Transaction, IncomingMessage]> {
  get tx(): Transaction {
    return this.args[0];
  }

  get message(): IncomingMessage {
    return this.args[1];
  }
}
