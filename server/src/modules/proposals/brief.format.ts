// The case brief as text for people outside the app: Markdown (the export, brief.export.ts) in the
// reader's language and time zone, and the summary in the mail that tells executives a proposal
// awaits their decision (submitToManagement). User text goes through the meetings' export
// escaping, so it stays text.
import { translator } from '@council/shared/i18n';
import { markdownBlock, markdownInline as md } from '../meetings/export.format.js';
import type { MailSettings } from '../notifications/mail.settings.js';
import type { Recipient } from '../notifications/mail.render.js';
import { BRIEF_REASONS, DISCUSSION_POINTS, excerpt, type CaseBrief } from './brief.query.js';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** The web's pages of the case: the proposal's decision page and its printable brief. */
export function briefLinks(publicUrl: string, proposalId: string): { decide: string; brief: string } {
  const base = `${publicUrl}/proposals/${encodeURIComponent(globalId('Proposal', proposalId))}`;
  return { decide: `${base}/decide`, brief: `${base}/brief` };
}

const formats = (locale: string, timeZone: string) => ({
  date: (d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(d),
  percent: (n: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(n),
});

/** The vote in two lines: the counts, then quorum, share and result. */
function voteLines(brief: CaseBrief, locale: string): [string, string] {
  const t = translator(locale);
  const { tally } = brief;
  const f = formats(locale, 'UTC');
  const quorum = t(tally.quorumReached ? 'brief.vote.quorumReached' : 'brief.vote.quorumMissed', {
    voted: tally.regionsVoted,
    total: tally.totalRegions,
    quorum: f.percent(tally.quorum),
  });
  const share = t('brief.vote.threshold', { share: f.percent(tally.forShare), threshold: f.percent(tally.threshold) });
  return [
    t('brief.vote.counts', { for: tally.for, against: tally.against, abstain: tally.abstain }),
    `${quorum} ${share} ${t(tally.passing ? 'brief.vote.passing' : 'brief.vote.failing')}`,
  ];
}

/** The regions in one line: "Nordics (raised here), DACH (2 supporters)". */
function regionLine(brief: CaseBrief, locale: string): string {
  return brief.regions.map((r) => `${r.region.name} ${regionDetail(r, locale)}`).join(', ');
}

/** "(raised here, 2 supporters)". */
function regionDetail(r: CaseBrief['regions'][number], locale: string): string {
  const t = translator(locale);
  const parts = [...(r.origin ? [t('brief.regions.origin')] : []), ...(r.supporters ? [t('brief.regions.supporters', { count: r.supporters })] : [])];
  return t('brief.regions.detail', { detail: parts.join(', ') });
}

export function briefMarkdown(brief: CaseBrief, locale: string, timeZone = 'UTC'): string {
  const t = translator(locale);
  const f = formats(locale, timeZone);
  const { proposal, issue } = brief;
  const lines: string[] = [`# ${md(t('brief.documentTitle', { title: proposal.title }))}`, ''];
  const meta = [t('brief.meta', { author: md(brief.author), version: proposal.version }), t('brief.status', { status: t(`proposalStatus.${proposal.status}`) })];
  if (proposal.submittedAt) meta.push(t('brief.submitted', { date: f.date(proposal.submittedAt) }));
  lines.push(meta.join(' · '), '');

  lines.push(`## ${t('brief.sections.problem')}`, '', `**${md(issue.title)}**`, '');
  lines.push(md(t('brief.problem.raisedBy', { name: brief.raisedBy, region: issue.originRegion.name, date: f.date(issue.createdAt) })), '');
  lines.push(markdownBlock(issue.description), '');
  if (issue.evidence?.trim()) lines.push(`**${t('brief.problem.evidence')}:** ${markdownBlock(issue.evidence)}`, '');

  lines.push(`## ${t('brief.sections.regions')} (${t('brief.regions.summary', { count: brief.regions.length, total: brief.totalRegions })})`, '');
  for (const r of brief.regions) {
    lines.push(`- **${md(r.region.name)}** ${regionDetail(r, locale)}`);
    for (const n of r.notes) lines.push(`  - ${t('brief.regions.note', { note: md(n.note), author: md(n.author) })}`);
  }
  lines.push('');

  const [counts, result] = voteLines(brief, locale);
  lines.push(`## ${t('brief.sections.vote')}`, '', `**${counts}**\\`, result, '', `### ${t('brief.vote.reasons')}`, '');
  if (!brief.reasons.length) lines.push(t('brief.vote.noReasons'));
  for (const r of brief.reasons) {
    lines.push(`- **${t('brief.vote.choice', { choice: t(`voteChoice.${r.choice}`) })}** ${t('brief.vote.reasonLine', { reason: md(r.reason), voter: md(r.voter), region: md(r.region.name) })}`);
  }
  if (brief.reasonCount > BRIEF_REASONS) lines.push('', t('brief.vote.moreReasons', { count: brief.reasonCount - BRIEF_REASONS }));
  lines.push('');

  lines.push(`## ${t('brief.sections.discussion')}`, '', `_${t('brief.discussion.selection', { max: DISCUSSION_POINTS })}_`, '');
  if (!brief.discussion.length) lines.push(t('brief.discussion.none'));
  for (const p of brief.discussion) {
    const who = [p.author, ...(p.region ? [p.region.name] : [])].map(md).join(', ');
    lines.push(`- **${who}** (${t(p.on === 'ISSUE' ? 'brief.discussion.onIssue' : 'brief.discussion.onProposal')}, ${f.date(p.createdAt)}): ${md(p.excerpt)}`);
  }
  lines.push('');

  lines.push(`## ${t('brief.sections.referrals')}`, '');
  if (!brief.referrals.length) lines.push(t('brief.referrals.none'));
  for (const r of brief.referrals) {
    const answered = r.answeredBy && r.answeredAt ? t('brief.referrals.answeredBy', { name: r.answeredBy, date: f.date(r.answeredAt) }) : r.answeredBy;
    const by = answered ? ` ${t('brief.referrals.by', { who: md(answered) })}` : '';
    lines.push(`- **${md(r.department)}**\\`, `  ${t('brief.referrals.questionLine', { question: md(r.question) })}\\`, `  ${t('brief.referrals.answerLine', { answer: md(r.answer) })}${by}`);
  }
  lines.push('');

  lines.push(`## ${t('brief.sections.change')}`, '');
  lines.push(`### ${t('brief.change.current')}`, '', markdownBlock(proposal.currentPolicy), '');
  lines.push(`### ${t('brief.change.proposed')}`, '', markdownBlock(proposal.proposedPolicy), '');
  lines.push(`### ${t('brief.change.rationale')}`, '', markdownBlock(proposal.rationale), '');

  lines.push(`## ${t('brief.sections.impact')}`, '', proposal.expectedImpact?.trim() ? markdownBlock(proposal.expectedImpact) : t('brief.impact.none'));
  return lines.join('\n') + '\n';
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The brief's summary for the executives' mail, in the recipient's language: problem, regions,
 * vote, expected impact, then the links to decide and to the printable brief.
 */
export function briefMailDetails(brief: CaseBrief, settings: MailSettings) {
  return (recipient: Recipient): { text: string; html: string } => {
    const t = translator(recipient.locale);
    const links = briefLinks(settings.publicUrl, brief.proposal.id);
    const [counts, result] = voteLines(brief, recipient.locale);
    const rows: [string, string][] = [
      [t('brief.mail.problem'), `${brief.issue.title}: ${excerpt(brief.issue.description)}`],
      [t('brief.mail.regions'), `${regionLine(brief, recipient.locale)} (${t('brief.regions.summary', { count: brief.regions.length, total: brief.totalRegions })})`],
      [t('brief.mail.vote'), `${counts}. ${result}`],
      [t('brief.mail.impact'), brief.proposal.expectedImpact?.trim() ? excerpt(brief.proposal.expectedImpact, 600) : t('brief.impact.none')],
    ];
    const text = [
      t('brief.mail.summary'),
      '',
      ...rows.map(([label, value]) => `${label}: ${value}`),
      '',
      `${t('brief.mail.decide')}: ${links.decide}`,
      `${t('brief.mail.brief')}: ${links.brief}`,
    ].join('\n');
    const html = [
      `<h2 style="font-size: 1rem; margin: 1.25rem 0 0.5rem;">${escapeHtml(t('brief.mail.summary'))}</h2>`,
      `<dl style="margin: 0;">${rows.map(([label, value]) => `<dt style="font-weight: 700; margin-top: 0.5rem;">${escapeHtml(label)}</dt><dd style="margin: 0;">${escapeHtml(value)}</dd>`).join('')}</dl>`,
      `<p style="margin-top: 1rem;"><a href="${escapeHtml(links.decide)}" style="display: inline-block; padding: 0.5rem 1rem; background: #1f5fbf; color: #fff; text-decoration: none; border-radius: 4px;">${escapeHtml(t('brief.mail.decide'))}</a> <a href="${escapeHtml(links.brief)}">${escapeHtml(t('brief.mail.brief'))}</a></p>`,
    ].join('\n');
    return { text, html };
  };
}
