// Fallübersicht-Teil des deutschen Katalogs (siehe brief/en.ts).
import type { BriefCatalog } from '../types.js';

export const deBrief: BriefCatalog = {
  brief: {
    kind: 'Fallübersicht',
    documentTitle: 'Fallübersicht: {{title}}',
    meta: 'Vorschlag von {{author}}, Fassung {{version}}',
    submitted: 'vorgelegt am {{date}}',
    status: 'Status: {{status}}',
    sections: {
      problem: 'Das Problem',
      regions: 'Betroffene Regionen',
      vote: 'Die Abstimmung',
      discussion: 'Wichtige Diskussionspunkte',
      referrals: 'Antworten anderer Abteilungen',
      change: 'Die Änderung',
      impact: 'Erwartete Wirkung',
    },
    problem: {
      raisedBy: 'Eingebracht von {{name}} in {{region}} am {{date}}.',
      evidence: 'Belege',
    },
    regions: {
      summary: '{{count}} von {{total}} Regionen',
      origin: 'hier eingebracht',
      supporters_one: '{{count}} Unterstützer:in',
      supporters_other: '{{count}} Unterstützer:innen',
      note: '„{{note}}“ – {{author}}',
      detail: '({{detail}})',
    },
    vote: {
      counts: 'Dafür {{for}} · Dagegen {{against}} · Enthaltung {{abstain}}',
      quorumReached: 'Quorum erreicht: {{voted}} von {{total}} Regionen haben abgestimmt ({{quorum}} nötig).',
      quorumMissed: 'Quorum nicht erreicht: {{voted}} von {{total}} Regionen haben abgestimmt ({{quorum}} nötig).',
      threshold: '{{share}} der Stimmen dafür oder dagegen sind dafür (mehr als {{threshold}} nötig).',
      passing: 'Der Vorschlag ist angenommen.',
      failing: 'Der Vorschlag ist nicht angenommen.',
      reasons: 'Genannte Gründe',
      noReasons: 'Niemand hat einen Grund genannt.',
      choice: '{{choice}}:',
      reasonLine: '„{{reason}}“ – {{voter}}, {{region}}',
      moreReasons_one: '… und {{count}} weiterer Grund auf der Seite des Vorschlags.',
      moreReasons_other: '… und {{count}} weitere Gründe auf der Seite des Vorschlags.',
    },
    discussion: {
      selection: 'Der jüngste Kommentar aus jeder Region, der neueste zuerst (höchstens {{max}}).',
      onIssue: 'zum Anliegen',
      onProposal: 'zum Vorschlag',
      none: 'Noch niemand hat kommentiert.',
    },
    referrals: {
      none: 'Keine andere Abteilung hat eine Frage zu diesem Anliegen beantwortet.',
      questionLine: 'Frage: {{question}}',
      answerLine: 'Antwort: {{answer}}',
      by: '({{who}})',
      answeredBy: '{{name}}, {{date}}',
    },
    change: {
      current: 'Geltende Regelung',
      proposed: 'Vorgeschlagene Regelung',
      rationale: 'Begründung',
    },
    impact: {
      none: 'Der Vorschlag nennt keine erwartete Wirkung.',
    },
    page: {
      open: 'Fallübersicht',
      back: 'Zurück zum Vorschlag',
      backToDecision: 'Zurück zur Entscheidung',
      print: 'Drucken',
      download: 'Als Markdown herunterladen',
      loading: 'Fallübersicht wird geladen…',
    },
    message: {
      submitted: '„{{title}}“ wurde der Geschäftsleitung zur Entscheidung vorgelegt.',
    },
    mail: {
      summary: 'Der Fall in Kürze',
      problem: 'Problem',
      regions: 'Betroffene Regionen',
      vote: 'Abstimmung',
      impact: 'Erwartete Wirkung',
      decide: 'Entscheiden',
      brief: 'Fallübersicht lesen und drucken',
    },
  },
};
