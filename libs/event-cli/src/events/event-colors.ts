import type { Colors } from '../text/colors';

/** Green for the steps that move an order towards CONFIRMED, red for those towards CANCELLED. */
const TONE: Readonly<Record<string, 'good' | 'bad' | 'undo' | 'start' | 'quiet'>> = {
  OrderPlaced: 'start',
  StockReserved: 'good',
  PaymentAuthorized: 'good',
  OrderConfirmed: 'good',
  StockRejected: 'bad',
  PaymentDeclined: 'bad',
  OrderCancelled: 'bad',
  StockReleased: 'undo',
  NotificationSent: 'quiet',
};

export function colorEventType(colors: Colors, eventType: string, text = eventType): string {
  switch (TONE[eventType]) {
    case 'start':
      return colors.cyan(text);
    case 'good':
      return colors.green(text);
    case 'bad':
      return colors.red(text);
    case 'undo':
      return colors.yellow(text);
    case 'quiet':
      return colors.dim(text);
    default:
      return colors.magenta(text);
  }
}
