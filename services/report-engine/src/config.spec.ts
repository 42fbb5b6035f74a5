import { ConfigError, loadConfig } from '@foresight/service-kit';
import { ReportEngineConfig, reportEngineDefaults, thresholdsOf } from './config';

const env = {
  KAFKA_BROKERS: '127.0.0.1:9092',
  EVENTSTORE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  MONGO_URL: 'mongodb://127.0.0.1:27017/db',
};
const thresholds = (value?: string) =>
  thresholdsOf(loadConfig(ReportEngineConfig, { ...env, REPORT_THRESHOLDS: value }, reportEngineDefaults));

describe('REPORT_THRESHOLDS', () => {
  it('overrides the defaults per kind', () => {
    expect(thresholds('{"CRITICAL_CHURN":0.85}')).toMatchObject({ CRITICAL_CHURN: 0.85, PARTIAL_CHURN: 0.6 });
    expect(thresholds()).toMatchObject({ CRITICAL_CHURN: 0.8 });
  });

  it('stops the service naming the kind at fault', () => {
    expect(() => thresholds('{"CRITICAL":0.9}')).toThrow(ConfigError);
    expect(() => thresholds('{"CRITICAL":0.9}')).toThrow(/REPORT_THRESHOLDS\.CRITICAL: unknown kind/);
    expect(() => thresholds('{"UPSELL":"high"}')).toThrow(/REPORT_THRESHOLDS\.UPSELL: must be a number/);
    expect(() => thresholds('{"PARTIAL_CHURN":0.9}')).toThrow(
      /PARTIAL_CHURN \(0\.9\) must not exceed CRITICAL_CHURN/,
    );
    expect(() => thresholds('[0.9]')).toThrow(/must be a JSON object/);
  });
});
