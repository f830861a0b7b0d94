/**
 * Given/when/then for pure domain rules, so a test reads like the rule it checks. Built once per
 * app around that app's error class: `export const given = givenFor(DomainError);`.
 */
export function givenFor<E extends abstract new (...args: never[]) => { code: string }>(errorType: E) {
  return function given<S>(state: S) {
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
          /** The rule refuses with the app's error of this code (and, when given, about this field). */
          thenThrows(code: InstanceType<E>['code'], field?: string): void {
            let thrown: unknown;
            try {
              action(state);
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(errorType);
            expect(thrown).toMatchObject(field === undefined ? { code } : { code, field });
          },
        };
      },
    };
  };
}
