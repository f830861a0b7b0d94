/**
 * The simulated card gateway: the card token alone decides the outcome, the way card processors'
 * test modes work (Stripe's `tok_visa`, `tok_chargeDeclined`, ...), so every path of the saga can be
 * driven from a plain POST /orders. The table is exported for the README and the demo to list.
 *
 * Any other token is declined as CARD_DECLINED: a gateway never authorizes a card it cannot
 * identify, and a typo in a demo then shows up as a visible cancellation rather than a charge.
 */
export type DeclineReason = 'CARD_DECLINED' | 'INSUFFICIENT_FUNDS' | 'EXPIRED_CARD' | 'PROCESSING_ERROR';

export type CardOutcome = 'AUTHORIZED' | DeclineReason;

export interface TestCard {
  readonly token: string;
  readonly outcome: CardOutcome;
  readonly description: string;
}

export const TEST_CARDS: readonly TestCard[] = [
  { token: 'tok_visa', outcome: 'AUTHORIZED', description: 'Visa, always authorized' },
  { token: 'tok_mastercard', outcome: 'AUTHORIZED', description: 'Mastercard, always authorized' },
  {
    token: 'tok_chargeDeclined',
    outcome: 'CARD_DECLINED',
    description: 'declined by the issuer, no reason given',
  },
  {
    token: 'tok_chargeDeclinedInsufficientFunds',
    outcome: 'INSUFFICIENT_FUNDS',
    description: 'declined: insufficient funds',
  },
  {
    token: 'tok_chargeDeclinedExpiredCard',
    outcome: 'EXPIRED_CARD',
    description: 'declined: the card has expired',
  },
  {
    token: 'tok_processingError',
    outcome: 'PROCESSING_ERROR',
    description: 'the processor fails; always, so it is a decline and not worth a retry',
  },
];

/** What the gateway answers for a token it does not know. */
export const UNKNOWN_TOKEN_OUTCOME: CardOutcome = 'CARD_DECLINED';

const outcomes = new Map(TEST_CARDS.map(({ token, outcome }) => [token, outcome]));

/** Tokens are matched exactly, as a processor would: `TOK_VISA` is not `tok_visa`. */
export function cardOutcome(token: string): CardOutcome {
  return outcomes.get(token) ?? UNKNOWN_TOKEN_OUTCOME;
}
