import { renderEmail } from './email.template';

const payload = {
  reportId: '7d1c5c8e-2d7a-4a44-9d55-111111111111',
  accountName: 'Northwind <Traders>\r\nBcc: x@evil.test',
  kind: 'CRITICAL_CHURN',
  score: 0.93,
  title: 'Critical churn risk',
  summary: 'Usage fell <b>60%</b>.',
};

describe('renderEmail', () => {
  it('names the account in the subject and body, per event kind', () => {
    const raised = renderEmail('report.raised', payload);
    const escalated = renderEmail('report.escalated', payload);
    expect(raised.subject).toContain('New report');
    expect(escalated.subject).toContain('Escalated');
    expect(raised.text).toContain('Northwind');
    expect(raised.text).toContain('Score: 93%');
  });

  it('keeps the subject on one line and escapes tenant data in the HTML', () => {
    const { subject, html } = renderEmail('report.raised', payload);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(html).toContain('Northwind &lt;Traders&gt;');
    expect(html).toContain('Usage fell &lt;b&gt;60%&lt;/b&gt;.');
    expect(html).not.toContain('<b>60%</b>');
  });
});
