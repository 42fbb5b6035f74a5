import type { Command, Decider, Event } from '@foresight/domain';

type ErrorClass = abstract new (...args: never[]) => Error;
type ErrorCheck = ErrorClass | ((error: unknown) => boolean);

function isErrorClass(check: ErrorCheck): check is ErrorClass {
  return check === Error || (typeof check === 'function' && check.prototype instanceof Error);
}

function describeValue(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

export interface DeciderThen<Evt extends Event> {
  /** The command produces exactly these events, in this order (deep equality). */
  then(expected: Evt | readonly Evt[]): void;
  /** The command produces no event. */
  thenNothingHappened(): void;
  /**
   * The command is refused: with an error of this class, and/or one the predicate accepts, e.g.
   * `thenThrows(DomainError, (e) => e.code === 'REPORT.INVALID_TRANSITION')`.
   */
  thenThrows<E extends Error>(
    check: (abstract new (...args: never[]) => E) | ((error: unknown) => boolean),
    predicate?: (error: E) => boolean,
  ): void;
}

export interface DeciderGiven<Cmd extends Command, Evt extends Event> {
  when(command: Cmd): DeciderThen<Evt>;
}

export interface DeciderSpec<Cmd extends Command, Evt extends Event> {
  /** The stream's history; the state is folded from `initialState()` through `evolve`. */
  given(events?: Evt | readonly Evt[]): DeciderGiven<Cmd, Evt>;
}

/**
 * Given/when/then for pure deciders (emmett's DeciderSpecification, rebuilt on our Decider type):
 *
 *   const spec = DeciderSpecification.for(reportDecider);
 *   spec.given([reportCreated]).when(notify).then([reportNotified]);
 */
export const DeciderSpecification = {
  for<State, Cmd extends Command, Evt extends Event>(
    decider: Decider<State, Cmd, Evt>,
  ): DeciderSpec<Cmd, Evt> {
    return {
      given(given: Evt | readonly Evt[] = []) {
        const history: readonly Evt[] = Array.isArray(given) ? given : [given as Evt];
        return {
          when(command: Cmd) {
            const run = (): Evt[] => {
              const state = history.reduce<State>((s, e) => decider.evolve(s, e), decider.initialState());
              const decided = decider.decide(command, state);
              return Array.isArray(decided) ? decided : [decided];
            };
            return {
              then(expected: Evt | readonly Evt[]) {
                expect(run()).toEqual(Array.isArray(expected) ? expected : [expected]);
              },
              thenNothingHappened() {
                expect(run()).toEqual([]);
              },
              thenThrows<E extends Error>(check: ErrorCheck, predicate?: (error: E) => boolean) {
                let produced: Evt[];
                try {
                  produced = run();
                } catch (error) {
                  if (isErrorClass(check)) {
                    if (!(error instanceof check))
                      throw new Error(
                        `Expected ${command.type} to throw ${check.name}, but it threw ${String(error)}`,
                      );
                    if (predicate && !predicate(error as E))
                      throw new Error(`${command.type} threw ${String(error)}, which the predicate rejected`);
                  } else if (!check(error)) {
                    throw new Error(`${command.type} threw ${String(error)}, which the predicate rejected`);
                  }
                  return;
                }
                throw new Error(
                  `Expected ${command.type} to throw, but it produced ${describeValue(produced)}`,
                );
              },
            };
          },
        };
      },
    };
  },
};
