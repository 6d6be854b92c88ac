import type { AccountCatalog } from '../types.js';

export const daAccount: AccountCatalog = {
  account: {
    headerLink: 'Din konto',
    title: 'Din konto',
    lead: 'Hvem du er i Council, dit sprog, og hvordan du hører om det, der sker.',
    loading: 'Henter din konto …',
    profile: {
      heading: 'Profil',
      name: 'Navn',
      email: 'E-mail',
      region: 'Region',
      noRegion: 'Ingen region',
      language: 'Sprog',
    },
    notifications: {
      heading: 'Notifikationer',
      lead: 'Vælg for hver slags notifikation, om den vises i appen, og om du får en e-mail med det samme, i et dagligt sammendrag eller slet ikke.',
      kind: 'Notifikation',
      inApp: 'I appen',
      email: 'E-mail',
      status: 'Status',
      delivery: {
        IMMEDIATE: 'Med det samme',
        DAILY_DIGEST: 'Dagligt sammendrag',
        OFF: 'Fra',
      },
      saving: 'Gemmer …',
      saved: 'Gemt',
      kinds: {
        VOTING_OPENED: { name: 'Afstemning åbnet', description: 'Afstemningen er åbnet om et forslag, du må stemme om.' },
        VOTE_CLOSING_SOON: { name: 'Afstemning lukker snart', description: 'Afstemningen lukker inden for 24 timer, og du har ikke stemt endnu.' },
        VOTING_CLOSED: { name: 'Afstemning lukket', description: 'Afstemningen er lukket om et forslag, du har skrevet eller stemt om, eller hvis sag du har rejst eller støtter.' },
        PROPOSAL_ON_MY_ISSUE: { name: 'Forslag til din sag', description: 'Der er udarbejdet et forslag til en sag, du har rejst eller støtter.' },
        DECISION_MADE: { name: 'Beslutning truffet', description: 'Ledelsen har truffet beslutning om et forslag, du har skrevet eller stemt om, eller hvis sag du har rejst eller støtter.' },
        CHANGES_REQUESTED: { name: 'Ændringer ønsket', description: 'Ledelsen har bedt om ændringer i et forslag, du har skrevet.' },
        ROLLOUT_DUE: { name: 'Udrulning forfalder', description: 'En udrulning i din region er åbnet eller forfalder inden for 7 dage.' },
        ROLLOUT_OVERDUE: { name: 'Udrulning forsinket', description: 'En udrulning i din region har overskredet sin frist.' },
        AGENDA_PUBLISHED: { name: 'Dagsorden offentliggjort', description: 'Dagsordenen for et møde, du deltager i, er offentliggjort eller ændret efter offentliggørelsen.' },
        ACTION_ITEM_ASSIGNED: { name: 'Opgave tildelt', description: 'Du har fået tildelt en opgave.' },
        ACTION_ITEM_DUE: { name: 'Opgave forfalder', description: 'En af dine opgaver forfalder inden for 2 dage eller er forsinket.' },
        MENTIONED: { name: 'Nævnt', description: 'Nogen har @nævnt dig i en kommentar.' },
        REPLY: { name: 'Svar', description: 'Nogen har kommenteret en sag eller et forslag, du har rejst, skrevet eller kommenteret.' },
      },
      digest: {
        label: 'Dagligt sammendrag kl.',
        hint: 'Tidszone: {{zone}}. Sammendraget samler de slags, der er sat til “Dagligt sammendrag”.',
        noRegion: 'UTC (du har ingen region)',
      },
      unread: 'Ulæst',
      subject: {
        Issue: 'Sag',
        Proposal: 'Forslag',
        Meeting: 'Møde',
      },
    },
  },
};
