import { IsInt, IsString, Max, Min } from 'class-validator';
import { defineEvent, parse } from './registry';

class SurveyAnswered {
  @IsString()
  accountId!: string;

  @IsInt()
  @Min(0)
  @Max(10)
  nps!: number;
}

defineEvent({
  type: 'TestSurveyAnswered',
  schemaVersion: 1,
  topic: 'test.survey.v1',
  payload: SurveyAnswered,
});

describe('parse', () => {
  it('returns a typed, validated payload', () => {
    const result = parse<SurveyAnswered>('TestSurveyAnswered', '{"accountId":"a-1","nps":3}');
    expect(result).toEqual({ ok: true, value: expect.any(SurveyAnswered) });
    expect(result.ok && result.value.nps).toBe(3);
  });

  it('lists each bad field with its reason', () => {
    const result = parse('TestSurveyAnswered', { accountId: 7, nps: 11, extra: true });
    expect(result.ok).toBe(false);
    const fields = !result.ok ? result.errors.map((e) => e.field).sort() : [];
    expect(fields).toEqual(['accountId', 'extra', 'nps']);
  });

  it('refuses unknown types and broken JSON without throwing', () => {
    expect(parse('NoSuchEvent', '{}')).toEqual({
      ok: false,
      errors: [{ field: 'type', errors: ['unknown event type NoSuchEvent'] }],
    });
    expect(parse('TestSurveyAnswered', '{nope').ok).toBe(false);
  });

  it('refuses a second, different definition of a type', () => {
    expect(() =>
      defineEvent({ type: 'TestSurveyAnswered', schemaVersion: 2, topic: 'x', payload: SurveyAnswered }),
    ).toThrow(/defined twice/);
  });
});
