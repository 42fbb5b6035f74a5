import { ConfigError, loadConfig } from '@foresight/service-kit';
import { ReportEngineConfig, reportEngineDefaults, defaultSettingsOf } from './config';

const env = {
  KAFKA_BROKERS: '127.0.0.1:9092',
  EVENTSTORE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  MONGO_URL: 'mongodb://127.0.0.1:27017/db',
};
const thresholds = (value?: string) =>
  defaultSettingsOf(
    loadConfig(ReportEngineConfig, { ...env, REPORT_THRESHOLDS: value }, reportEngineDefaults),
  ).thresholds;

describe('REPORT_THRESHOLDS', () => {
  it('overrides the defaults per kind', () => {
    expect(thresholds('{"CRITICAL_CHURN":0.85}')).toMatchObject({
      CRITICAL_CHURN: { enter: 0.85, exit: 0.75 },
      PARTIAL_CHURN: { enter: 0.6, exit: 0.5 },
    });
    expect(thresholds()).toMatchObject({ CRITICAL_CHURN: { enter: 0.8, exit: 0.7 } });
  });

  it('stops the service naming the kind at fault', () => {
    expect(() => thresholds('{"CRITICAL":0.9}')).toThrow(ConfigError);
    expect(() => thresholds('{"CRITICAL":0.9}')).toThrow(/REPORT_THRESHOLDS\.CRITICAL: unknown kind/);
    expect(() => thresholds('{"UPSELL":"high"}')).toThrow(/REPORT_THRESHOLDS\.UPSELL: must be a number/);
    expect(() => thresholds('{"PARTIAL_CHURN":0.9}')).toThrow(
      /thresholds\.PARTIAL_CHURN\.enter: must not exceed thresholds\.CRITICAL_CHURN\.enter/,
    );
    expect(() => thresholds('[0.9]')).toThrow(/must be a JSON object/);
  });
});
