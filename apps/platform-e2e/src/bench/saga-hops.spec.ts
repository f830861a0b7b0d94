import { SagaHops } from './saga-hops';

describe('SagaHops', () => {
  // One order: POST at 1000; OrderPlaced written at 1010, on Kafka at 1030; inventory writes
  // StockReserved at 1050 (on Kafka 1060); the order service writes OrderConfirmed at 1100 (on Kafka
  // 1120); the benchmark sees it at 1125.
  function oneOrder(hops: SagaHops, orderId: string, shift = 0): void {
    const event = (n: number, eventType: string, occurredAtMs: number, onKafkaAtMs: number) =>
      hops.record({
        orderId,
        eventId: `${orderId}-${n}`,
        eventType,
        ...(n > 1 ? { causationId: `${orderId}-${n - 1}` } : {}),
        occurredAtMs: occurredAtMs + shift,
        onKafkaAtMs: onKafkaAtMs + shift,
      });
    event(1, 'OrderPlaced', 1010, 1030);
    event(2, 'StockReserved', 1050, 1060);
    event(3, 'OrderConfirmed', 1100, 1120);
  }

  it('splits one order into hops, in the order the saga goes through them', () => {
    const hops = new SagaHops();
    oneOrder(hops, 'a');
    const figures = hops.summarise(new Map([['a', 1000]]), new Map([['a', 1125]]), ['OrderConfirmed']);
    expect(figures.map(({ hop, p50 }) => [hop, p50])).toEqual([
      ['POST → OrderPlaced written', 10],
      ['OrderPlaced written → on Kafka', 20],
      ['OrderPlaced on Kafka → StockReserved written', 20],
      ['StockReserved written → on Kafka', 10],
      ['StockReserved on Kafka → OrderConfirmed written', 40],
      ['OrderConfirmed written → on Kafka', 20],
      ['OrderConfirmed on Kafka → seen by the benchmark', 5],
    ]);
  });

  it('counts only the orders asked for, each event once even if read twice', () => {
    const hops = new SagaHops();
    oneOrder(hops, 'a');
    oneOrder(hops, 'a');
    oneOrder(hops, 'b', 100);
    const figures = hops.summarise(new Map([['a', 1000]]), new Map(), ['OrderConfirmed']);
    expect(figures.every((figure) => figure.count === 1)).toBe(true);
    expect(figures.map((figure) => figure.hop)).not.toContain(
      'OrderConfirmed on Kafka → seen by the benchmark',
    );
  });

  it('leaves out the handling hop of an event whose cause it never saw', () => {
    const hops = new SagaHops();
    hops.record({
      orderId: 'a',
      eventId: 'a-2',
      eventType: 'StockReserved',
      causationId: 'before-the-run',
      occurredAtMs: 1050,
      onKafkaAtMs: 1060,
    });
    const figures = hops.summarise(new Map([['a', 1000]]), new Map(), []);
    expect(figures).toEqual([{ hop: 'StockReserved written → on Kafka', count: 1, p50: 10, p99: 10 }]);
  });
});
