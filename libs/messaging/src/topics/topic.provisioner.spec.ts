import { withDeadLetters } from './topic.provisioner';

describe('withDeadLetters', () => {
  it('adds each topic its .dlq with the same partitions and config, defaults filled in', () => {
    const specs = withDeadLetters(
      [
        { topic: 'a.b.v1', config: { 'retention.ms': '1000' } },
        { topic: 'c.d.v1', partitions: 6 },
      ],
      {
        partitions: 3,
        replicationFactor: 1,
        config: { 'cleanup.policy': 'delete' },
      },
    );
    expect(specs).toEqual([
      {
        topic: 'a.b.v1',
        partitions: 3,
        replicationFactor: 1,
        config: { 'cleanup.policy': 'delete', 'retention.ms': '1000' },
      },
      {
        topic: 'a.b.v1.dlq',
        partitions: 3,
        replicationFactor: 1,
        config: { 'cleanup.policy': 'delete', 'retention.ms': '1000' },
      },
      { topic: 'c.d.v1', partitions: 6, replicationFactor: 1, config: { 'cleanup.policy': 'delete' } },
      { topic: 'c.d.v1.dlq', partitions: 6, replicationFactor: 1, config: { 'cleanup.policy': 'delete' } },
    ]);
  });

  it('does not give a dead-letter topic a dead-letter topic, nor list a topic twice', () => {
    const names = withDeadLetters([{ topic: 'a.v1' }, { topic: 'a.v1' }, { topic: 'a.v1.dlq' }]).map(
      (s) => s.topic,
    );
    expect(names).toEqual(['a.v1', 'a.v1.dlq']);
  });
});
