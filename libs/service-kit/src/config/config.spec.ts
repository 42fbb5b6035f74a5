import { BaseConfig, ConfigError, loadConfig } from './config';

const valid = {
  PORT: '3001',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
  EVENTSTORE_URL: 'postgres://u:p@127.0.0.1:5432/foresight',
  MONGO_URL: 'mongodb://127.0.0.1:27017/foresight',
};

describe('loadConfig', () => {
  it('parses numbers and broker lists and applies defaults', () => {
    const config = loadConfig(BaseConfig, valid);
    expect(config.PORT).toBe(3001);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('uses a service default when the variable is absent', () => {
    const { PORT: _port, ...rest } = valid;
    expect(loadConfig(BaseConfig, rest, { PORT: 3005 }).PORT).toBe(3005);
  });

  it('quotes the value it refused', () => {
    expect(() => loadConfig(BaseConfig, { ...valid, PORT: 'abc' })).toThrow(
      /PORT: .*must be an integer.*\(got "abc"\)/,
    );
  });

  it.each([
    ['PORT', 'abc'],
    ['KAFKA_BROKERS', 'no-port-here'],
    ['EVENTSTORE_URL', 'mysql://x'],
    ['MONGO_URL', 'http://x'],
    ['LOG_LEVEL', 'loud'],
  ])('names %s when its value is bad', (name, value) => {
    expect(() => loadConfig(BaseConfig, { ...valid, [name]: value })).toThrow(
      new RegExp(`^\\s+- ${name}: `, 'm'),
    );
  });

  it('names every missing variable at once', () => {
    try {
      loadConfig(BaseConfig, {});
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const text = (e as ConfigError).message;
      for (const name of ['PORT', 'KAFKA_BROKERS', 'EVENTSTORE_URL', 'MONGO_URL'])
        expect(text).toContain(`${name}:`);
      expect(text).toContain('MONGO_URL: is required');
    }
  });
});
