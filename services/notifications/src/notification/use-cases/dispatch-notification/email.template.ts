/** What an e-mail is about; each kind has its own subject and opening line. */
export type EmailEventKind = 'report.raised' | 'report.escalated';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const field = (payload: Readonly<Record<string, unknown>>, name: string): string => {
  const value = payload[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Header values must stay on one line whatever a tenant's data holds. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

const HEADLINES: Record<EmailEventKind, (account: string) => { subject: string; lead: string }> = {
  'report.raised': (account) => ({
    subject: `[Foresight] New report: ${account}`,
    lead: `Foresight raised a report on ${account}, an account you own.`,
  }),
  'report.escalated': (account) => ({
    subject: `[Foresight] Escalated: ${account}`,
    lead: `The report on ${account}, an account you own, was escalated.`,
  }),
};

/**
 * The e-mail for a notification's payload (the report-notification fields). Plain text and HTML say
 * the same; every value from tenant data is escaped in the HTML and kept to one line in the subject.
 */
export function renderEmail(kind: EmailEventKind, payload: Readonly<Record<string, unknown>>): RenderedEmail {
  const account = oneLine(field(payload, 'accountName')) || 'an account';
  const { subject, lead } = HEADLINES[kind](account);
  const title = field(payload, 'title');
  const summary = field(payload, 'summary');
  const reportKind = field(payload, 'kind');
  const score = payload['score'];
  const scoreLine = typeof score === 'number' ? `Score: ${Math.round(score * 100)}%` : '';
  const reportId = field(payload, 'reportId');
  const lines = [lead, '', title, summary, '', `Kind: ${reportKind}`, scoreLine, `Report: ${reportId}`];
  const text = lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<p>${escapeHtml(lead)}</p>`,
    `<h2>${escapeHtml(title)}</h2>`,
    `<p>${escapeHtml(summary)}</p>`,
    '<ul>',
    `<li>Kind: ${escapeHtml(reportKind)}</li>`,
    scoreLine ? `<li>${escapeHtml(scoreLine)}</li>` : '',
    `<li>Report: <code>${escapeHtml(reportId)}</code></li>`,
    '</ul></body></html>',
  ].join('');
  return { subject: oneLine(subject), text, html };
}
