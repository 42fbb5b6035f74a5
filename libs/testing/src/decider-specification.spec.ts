import { Command, Decider, DomainError, Event } from '@foresight/domain';
import { DeciderSpecification } from './decider-specification';

type Opened = Event<'Opened', { by: string }>;
type Closed = Event<'Closed', { by: string }>;
type DoorEvent = Opened | Closed;
type Open = Command<'Open', { by: string }>;
type Close = Command<'Close', { by: string }>;
type Knock = Command<'Knock', object>;
type DoorCommand = Open | Close | Knock;
type Door = { status: 'closed' } | { status: 'open'; by: string };

const door: Decider<Door, DoorCommand, DoorEvent> = {
  initialState: () => ({ status: 'closed' }),
  decide: (command, state) => {
    switch (command.type) {
      case 'Open':
        if (state.status === 'open') throw new DomainError('DOOR.ALREADY_OPEN', 'already open', 'conflict');
        return { type: 'Opened', data: { by: command.data.by } };
      case 'Close':
        if (state.status === 'closed')
          throw new DomainError('DOOR.ALREADY_CLOSED', 'already closed', 'conflict');
        return [{ type: 'Closed', data: { by: command.data.by } }];
      case 'Knock':
        return [];
    }
  },
  evolve: (_state, event) => {
    switch (event.type) {
      case 'Opened':
        return { status: 'open', by: event.data.by };
      case 'Closed':
        return { status: 'closed' };
    }
  },
};

const spec = DeciderSpecification.for(door);
const opened: Opened = { type: 'Opened', data: { by: 'ann' } };

describe('DeciderSpecification', () => {
  describe('then', () => {
    it('passes when the command produces the expected events, single or array', () => {
      spec
        .given([])
        .when({ type: 'Open', data: { by: 'ann' } })
        .then([opened]);
      spec
        .given()
        .when({ type: 'Open', data: { by: 'ann' } })
        .then(opened);
      spec
        .given(opened)
        .when({ type: 'Close', data: { by: 'bob' } })
        .then({ type: 'Closed', data: { by: 'bob' } });
    });

    it('fails when the events differ', () => {
      expect(() =>
        spec
          .given([])
          .when({ type: 'Open', data: { by: 'ann' } })
          .then({ type: 'Opened', data: { by: 'bob' } }),
      ).toThrow();
    });

    it('fails when the decider throws instead', () => {
      expect(() =>
        spec
          .given([opened])
          .when({ type: 'Open', data: { by: 'ann' } })
          .then(opened),
      ).toThrow('already open');
    });

    it('folds the given history in order', () => {
      const closed: Closed = { type: 'Closed', data: { by: 'bob' } };
      spec
        .given([opened, closed])
        .when({ type: 'Open', data: { by: 'cy' } })
        .then({ type: 'Opened', data: { by: 'cy' } });
      expect(() =>
        spec
          .given([closed, opened])
          .when({ type: 'Open', data: { by: 'cy' } })
          .then([]),
      ).toThrow();
    });
  });

  describe('thenNothingHappened', () => {
    it('passes on no events and fails on some', () => {
      spec.given([]).when({ type: 'Knock', data: {} }).thenNothingHappened();
      expect(() =>
        spec
          .given([])
          .when({ type: 'Open', data: { by: 'ann' } })
          .thenNothingHappened(),
      ).toThrow();
    });
  });

  describe('thenThrows', () => {
    it('passes on the error class, with an optional predicate', () => {
      const when = spec.given([opened]).when({ type: 'Open', data: { by: 'ann' } });
      when.thenThrows(DomainError);
      when.thenThrows(DomainError, (e) => e.code === 'DOOR.ALREADY_OPEN');
      when.thenThrows((e) => e instanceof DomainError && e.kind === 'conflict');
    });

    it('fails when nothing is thrown, naming what was produced', () => {
      expect(() =>
        spec
          .given([])
          .when({ type: 'Open', data: { by: 'ann' } })
          .thenThrows(DomainError),
      ).toThrow(/Expected Open to throw, but it produced .*Opened/);
    });

    it('fails on another error class or a rejecting predicate', () => {
      const when = spec.given([opened]).when({ type: 'Open', data: { by: 'ann' } });
      expect(() => when.thenThrows(RangeError)).toThrow(/Expected Open to throw RangeError/);
      expect(() => when.thenThrows(DomainError, (e) => e.code === 'DOOR.ALREADY_CLOSED')).toThrow(
        /predicate rejected/,
      );
      expect(() => when.thenThrows(() => false)).toThrow(/predicate rejected/);
    });
  });
});
