import { DomainError } from '../domain-error';

/**
 * Given/when/then for pure domain rules, so a test reads like the rule it checks. Test-only, like
 * everything under testing/: keep it out of the app's build together with the specs.
 */
export function given<S>(state: S) {
  return {
    when<R>(action: (state: S) => R) {
      return {
        /** The outcome equals `expected`, compared deeply. */
        then(expected: R): void {
          expect(action(state)).toEqual(expected);
        },
        /** For outcomes checked in part. */
        thenIt(check: (outcome: R) => void): void {
          check(action(state));
        },
        /** The rule refuses with a DomainError of this code. */
        thenThrows(code: DomainError['code']): void {
          let thrown: unknown;
          try {
            action(state);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(DomainError);
          expect(thrown).toMatchObject({ code });
        },
      };
    },
  };
}
