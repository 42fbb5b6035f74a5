/**
 * Emmett-style building blocks shared by every service's domain/ folder. Pure types: no framework,
 * no I/O, so deciders run identically in tests, handlers and replays.
 */
export type Event<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

export type Command<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

export interface Decider<State, Cmd extends Command, Evt extends Event> {
  /** The state of a stream that has no events. */
  initialState: () => State;
  /** Pure: the events a command produces in a state, or a thrown DomainError. */
  decide: (command: Cmd, state: State) => Evt | Evt[];
  /** Pure: the state after one event. */
  evolve: (state: State, event: Evt) => State;
}

/** Exhaustiveness guard for `switch` over a discriminated union. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
