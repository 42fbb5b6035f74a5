import { RecordKey } from './record-key';

type Payload = Readonly<Record<string, unknown>>;

export type SourceRecord =
  | { status: 'EMPTY' }
  | {
      status: 'ACTIVE';
      recordId: string;
      key: RecordKey;
      accountId: string;
      contentHash: string;
      payload: Payload;
    }
  | { status: 'REMOVED'; recordId: string; key: RecordKey; accountId: string }
  | {
      status: 'UNRESOLVABLE';
      recordId: string;
      key: RecordKey;
      accountId: string;
      contentHash: string | null;
      payload: Payload | null;
      reason: string;
    };

export const initialRecord = (): SourceRecord => ({ status: 'EMPTY' });
