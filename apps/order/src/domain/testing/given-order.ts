import { decide, evolve } from '../order-decider';
import type { OrderCommand } from '../order-commands';
import type { OrderEvent } from '../order-events';
import { initialOrderState } from '../order';
import { given } from './given-when-then';

/** Given the order's past events, when a command, then the events decided (or the refusal). */
export function givenOrder(...history: OrderEvent[]) {
  const state = history.reduce(evolve, initialOrderState);
  return {
    state,
    when: (command: OrderCommand) => given(state).when((current) => decide(command, current)),
  };
}
