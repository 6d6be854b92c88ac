// Seeds the demo workspace through the same services people use, so counters, statuses and
// the audit trail are what real use would have produced; timestamps are spread over past days.
import type { Em } from '../db/orm.js';
import { Category, Region, User } from '../modules/people/people.entity.js';
import { createUser } from '../modules/people/people.service.js';
import { addComment, mergeIssue, raiseIssue, supportIssue } from '../modules/issues/issues.service.js';
import { audit } from '../modules/audit/audit.service.js';
import type { Issue } from '../modules/issues/issues.entity.js';
import { DEMO_PASSWORD, demoCategories, demoIssues, demoRegions, demoUsers } from './data.js';

const DAY = 86_400_000;

export async function seedDemo(em: Em, now = new Date()): Promise<void> {
  const at = (daysAgo: number, minutes = 0) => new Date(now.getTime() - daysAgo * DAY + minutes * 60_000);

  await em.transactional(async (tx) => {
    demoRegions.forEach((r) => tx.create(Region, { code: r.code, name: r.name, timeZone: r.timeZone, createdAt: at(200) }));
    demoCategories.forEach((c, position) => tx.create(Category, { name: c.name, position, createdAt: at(200) }));
  });
  const categories = new Map((await em.find(Category, {})).map((c) => [c.name, c]));
  const categoryByKey = new Map(demoCategories.map((c) => [c.key, categories.get(c.name)!]));

  const users = new Map<string, User>();
  for (const u of demoUsers) {
    const user = await createUser(em, null, { ...u, password: DEMO_PASSWORD, regionCode: u.regionCode });
    users.set(u.email, user);
  }
  const userOf = (email: string) => {
    const user = users.get(email);
    if (!user) throw new Error(`demo data names an unknown user ${email}`);
    return user;
  };

  // Oldest first, so that activity order and ids follow the story.
  const issues = new Map<string, Issue>();
  const ordered = [...demoIssues].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const d of ordered) {
    const issue = await raiseIssue(
      em,
      userOf(d.raisedBy),
      { title: d.title, description: d.description, evidence: d.evidence ?? null, categoryId: categoryByKey.get(d.categoryKey)?.id ?? null },
      at(d.daysAgo),
    );
    issues.set(d.key, issue);
    const events = [
      ...d.supports.map((s, i) => ({ daysAgo: s.daysAgo, minutes: i * 7 + 3, run: () => supportIssue(em, userOf(s.by), issue.id, s.note ?? null, at(s.daysAgo, i * 7 + 3)) })),
      ...d.comments.map((c, i) => ({ daysAgo: c.daysAgo, minutes: i * 11 + 5, run: () => addComment(em, userOf(c.by), issue.id, c.body, at(c.daysAgo, i * 11 + 5)) })),
    ].sort((a, b) => b.daysAgo - a.daysAgo || a.minutes - b.minutes);
    for (const e of events) await e.run();
  }

  const facilitator = [...users.values()].find((u) => u.hasRole('FACILITATOR'))!;
  for (const d of demoIssues) {
    const issue = issues.get(d.key)!;
    if (d.mergeInto) {
      await mergeIssue(em, facilitator, issue.id, issues.get(d.mergeInto)!.id, at(Math.max(0, d.daysAgo - 2)));
    } else if (d.status === 'CLOSED') {
      await em.transactional(async (tx) => {
        const before = issue.status;
        issue.status = 'CLOSED';
        tx.persist(issue);
        audit(tx, { actor: facilitator, action: 'issue.statusChanged', subject: issue, before: { status: before }, after: { status: 'CLOSED' } });
      });
    }
  }
}
