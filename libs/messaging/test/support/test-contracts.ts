import 'reflect-metadata';
import { defineEvent } from '@foresight/contracts';
import { IsInt, IsString, Min } from 'class-validator';

/** One counted step of a test stream; tests route it to their own unique topic. */
export class CountedPayload {
  @IsString()
  stream!: string;

  @IsInt()
  @Min(0)
  revision!: number;

  @IsInt()
  amount!: number;
}

export const Counted = defineEvent({
  type: 'MessagingTestCounted',
  schemaVersion: 1,
  topic: 'test.messaging-counted.v1',
  payload: CountedPayload,
});
