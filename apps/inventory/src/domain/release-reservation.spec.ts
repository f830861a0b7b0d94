import { releaseReservation, type Reservation } from './release-reservation';
import { given } from './testing/given-when-then';

const held: Reservation = {
  orderId: 'order-1',
  status: 'HELD',
  lines: [
    { sku: 'BOOK-1', quantity: 2 },
    { sku: 'PEN-1', quantity: 1 },
  ],
};

describe('releasing a reservation', () => {
  it('given stock held for an order, when released, then every line is given back', () => {
    given(held)
      .when(releaseReservation)
      .then({
        kind: 'released',
        lines: held.lines,
        adjustments: [
          { sku: 'BOOK-1', delta: 2 },
          { sku: 'PEN-1', delta: 1 },
        ],
      });
  });

  it('given a reservation already released, when PaymentDeclined comes again, then nothing is given back twice', () => {
    given<Reservation>({ ...held, status: 'RELEASED' })
      .when(releaseReservation)
      .then({ kind: 'nothing-to-release', why: 'ALREADY_RELEASED' });
  });

  it('given no reservation for the order, when released, then nothing', () => {
    given(null).when(releaseReservation).then({ kind: 'nothing-to-release', why: 'NO_RESERVATION' });
  });
});
