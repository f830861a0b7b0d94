/** Headers a dead-lettered message carries besides its original ones: where it came from and why. */
export const DEAD_LETTER_HEADER = {
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  errorClass: 'dlq-error-class',
  errorCode: 'dlq-error-code',
  errorMessage: 'dlq-error-message',
  attempts: 'dlq-attempts',
  failedAt: 'dlq-failed-at',
} as const;

/** Added when a dead-lettered message is sent back to its topic. */
export const REDRIVE_HEADER = {
  redrivenAt: 'redriven-at',
  redriveCount: 'redrive-count',
} as const;
