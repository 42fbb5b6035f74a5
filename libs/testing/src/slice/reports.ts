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

/** Every report the query matches, following `nextCursor` page by page. */
export async function listReports(
  reportEngineUrl: string,
  token: string,
  query: Record<string, string> = {},
): Promise<ReportSummary[]> {
  const out: ReportSummary[] = [];
  let cursor: string | null | undefined;
  do {
    const qs = new URLSearchParams({ limit: '200', ...query, ...(cursor ? { cursor } : {}) });
    const page = await call<{ items: ReportSummary[]; nextCursor?: string | null }>(
      'GET',
      `${reportEngineUrl}/v1/reports?${qs}`,
      { token },
    );
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
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
