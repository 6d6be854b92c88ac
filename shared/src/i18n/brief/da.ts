// Sagsresumé-delen af det danske katalog (se brief/en.ts).
import type { BriefCatalog } from '../types.js';

export const daBrief: BriefCatalog = {
  brief: {
    kind: 'Sagsresumé',
    documentTitle: 'Sagsresumé: {{title}}',
    meta: 'Forslag af {{author}}, version {{version}}',
    submitted: 'forelagt {{date}}',
    status: 'Status: {{status}}',
    sections: {
      problem: 'Problemet',
      regions: 'Berørte regioner',
      vote: 'Afstemningen',
      discussion: 'Vigtige punkter fra drøftelsen',
      referrals: 'Svar fra andre afdelinger',
      change: 'Ændringen',
      impact: 'Forventet effekt',
    },
    problem: {
      raisedBy: 'Rejst af {{name}} i {{region}} den {{date}}.',
      evidence: 'Dokumentation',
    },
    regions: {
      summary: '{{count}} af {{total}} regioner',
      origin: 'rejst her',
      supporters_one: '{{count}} støtter',
      supporters_other: '{{count}} støtter',
      note: '“{{note}}” – {{author}}',
      detail: '({{detail}})',
    },
    vote: {
      counts: 'For {{for}} · Imod {{against}} · Hverken for eller imod {{abstain}}',
      quorumReached: 'Beslutningsdygtig: {{voted}} af {{total}} regioner har stemt ({{quorum}} krævet).',
      quorumMissed: 'Ikke beslutningsdygtig: {{voted}} af {{total}} regioner har stemt ({{quorum}} krævet).',
      threshold: '{{share}} af stemmerne for eller imod er for (mere end {{threshold}} krævet).',
      passing: 'Forslaget er vedtaget.',
      failing: 'Forslaget er ikke vedtaget.',
      reasons: 'Begrundelser',
      noReasons: 'Ingen har givet en begrundelse.',
      choice: '{{choice}}:',
      reasonLine: '“{{reason}}” – {{voter}}, {{region}}',
      moreReasons_one: '… og {{count}} begrundelse mere på forslagets side.',
      moreReasons_other: '… og {{count}} begrundelser mere på forslagets side.',
    },
    discussion: {
      selection: 'Den seneste kommentar fra hver region, nyeste først (højst {{max}}).',
      onIssue: 'om sagen',
      onProposal: 'om forslaget',
      none: 'Ingen har kommenteret endnu.',
    },
    referrals: {
      none: 'Ingen anden afdeling har besvaret et spørgsmål om denne sag.',
      questionLine: 'Spørgsmål: {{question}}',
      answerLine: 'Svar: {{answer}}',
      by: '({{who}})',
      answeredBy: '{{name}}, {{date}}',
    },
    change: {
      current: 'Nuværende retningslinje',
      proposed: 'Foreslået retningslinje',
      rationale: 'Begrundelse',
    },
    impact: {
      none: 'Forslaget angiver ikke den forventede effekt.',
    },
    page: {
      open: 'Sagsresumé',
      back: 'Tilbage til forslaget',
      backToDecision: 'Tilbage til beslutningen',
      print: 'Udskriv',
      download: 'Hent som Markdown',
      loading: 'Henter sagsresuméet…',
    },
    message: {
      submitted: '“{{title}}” er forelagt ledelsen til din beslutning.',
    },
    mail: {
      summary: 'Sagen kort',
      problem: 'Problem',
      regions: 'Berørte regioner',
      vote: 'Afstemning',
      impact: 'Forventet effekt',
      decide: 'Beslut',
      brief: 'Læs og udskriv sagsresuméet',
    },
  },
};
