import { call } from './http';

export interface ReportSummary {
  reportId: string;
  kind: string;
  status: string;
  subject: { type: string; id: string; accountId: string };
  accountName: string | null;
  ownerEmail: string | null;
  score: number;
  notifiedAt: string | null;
  [key: string]: unknown;
}

export interface TimelineEntry {
  revision: number;
  type: string;
  status: string;
  at: string;
  summary: string;
}

export interface ReportData {
  score: number;
  modelVersion: string | null;
  asOf: string;
  values: Record<string, unknown>;
}

export interface ReportDetail extends ReportSummary {
  latest: ReportData;
  notified: { notificationId: string; channel: string; at: string; snapshot: ReportData } | null;
  nextBestActions: { id: string; title: string; why: string[]; priority: number }[];
  timeline: TimelineEntry[];
}

/** Lists accept either a bare array or a page `{ items, nextCursor }`. */
function items<T>(page: T[] | { items: T[] }): T[] {
  return Array.isArray(page) ? page : page.items;
}

export async function listReports(
  reportEngineUrl: string,
  token: string,
  query: Record<string, string> = {},
) {
  const qs = new URLSearchParams({ limit: '200', ...query }).toString();
  return items(
    await call<ReportSummary[] | { items: ReportSummary[] }>('GET', `${reportEngineUrl}/v1/reports?${qs}`, {
      token,
    }),
  );
}

export function getReport(reportEngineUrl: string, token: string, reportId: string) {
  return call<ReportDetail>('GET', `${reportEngineUrl}/v1/reports/${reportId}`, { token });
}

export function provideFeedback(
  reportEngineUrl: string,
  token: string,
  reportId: string,
  outcome: 'ACCEPTED' | 'IN_PROGRESS' | 'NO_ACTION' | 'DISMISSED',
  note?: string,
) {
  return call('POST', `${reportEngineUrl}/v1/reports/${reportId}/feedback`, {
    token,
    body: { outcome, note },
  });
}

export async function configureWebhook(
  notificationsUrl: string,
  token: string,
  url: string,
): Promise<string> {
  const out = await call<{ secret?: string; signingSecret?: string }>(
    'PUT',
    `${notificationsUrl}/v1/notifications/webhook`,
    {
      token,
      body: { url },
    },
  );
  const secret = out.secret ?? out.signingSecret;
  if (!secret) throw new Error(`notifications returned no signing secret: ${JSON.stringify(out)}`);
  return secret;
}
