import type { AccountCatalog } from '../types.js';

export const deAccount: AccountCatalog = {
  account: {
    headerLink: 'Ihr Konto',
    title: 'Ihr Konto',
    lead: 'Wer Sie in Council sind, Ihre Sprache und wie Sie erfahren, was passiert.',
    loading: 'Ihr Konto wird geladen…',
    profile: {
      heading: 'Profil',
      name: 'Name',
      email: 'E-Mail',
      region: 'Region',
      noRegion: 'Keine Region',
      language: 'Sprache',
    },
    notifications: {
      heading: 'Benachrichtigungen',
      lead: 'Wählen Sie für jede Art von Benachrichtigung, ob sie in der App erscheint und ob Sie eine E-Mail sofort, in einer täglichen Zusammenfassung oder gar nicht erhalten.',
      kind: 'Benachrichtigung',
      inApp: 'In der App',
      email: 'E-Mail',
      status: 'Status',
      delivery: {
        IMMEDIATE: 'Sofort',
        DAILY_DIGEST: 'Tägliche Zusammenfassung',
        OFF: 'Aus',
      },
      saving: 'Wird gespeichert…',
      saved: 'Gespeichert',
      kinds: {
        VOTING_OPENED: { name: 'Abstimmung eröffnet', description: 'Die Abstimmung über einen Vorschlag, über den Sie abstimmen dürfen, wurde eröffnet.' },
        VOTE_CLOSING_SOON: { name: 'Abstimmung endet bald', description: 'Die Abstimmung endet in weniger als 24 Stunden und Sie haben noch nicht abgestimmt.' },
        VOTING_CLOSED: { name: 'Abstimmung beendet', description: 'Die Abstimmung über einen Vorschlag ist beendet, den Sie verfasst oder über den Sie abgestimmt haben oder dessen Anliegen Sie eingebracht haben oder unterstützen.' },
        PROPOSAL_ON_MY_ISSUE: { name: 'Vorschlag zu Ihrem Anliegen', description: 'Zu einem Anliegen, das Sie eingebracht haben oder unterstützen, wurde ein Vorschlag entworfen.' },
        DECISION_MADE: { name: 'Entscheidung gefallen', description: 'Die Geschäftsleitung hat über einen Vorschlag entschieden, den Sie verfasst oder über den Sie abgestimmt haben oder dessen Anliegen Sie eingebracht haben oder unterstützen.' },
        CHANGES_REQUESTED: { name: 'Änderungen erbeten', description: 'Die Geschäftsleitung bittet um Änderungen an einem Vorschlag, den Sie verfasst haben.' },
        ROLLOUT_DUE: { name: 'Einführung fällig', description: 'Eine Einführung in Ihrer Region wurde eröffnet oder ist innerhalb von 7 Tagen fällig.' },
        ROLLOUT_OVERDUE: { name: 'Einführung überfällig', description: 'Eine Einführung in Ihrer Region hat ihr Fälligkeitsdatum überschritten.' },
        AGENDA_PUBLISHED: { name: 'Tagesordnung veröffentlicht', description: 'Die Tagesordnung einer Sitzung, an der Sie teilnehmen, wurde veröffentlicht oder nach der Veröffentlichung geändert.' },
        ACTION_ITEM_ASSIGNED: { name: 'Aufgabe zugewiesen', description: 'Ihnen wurde eine Aufgabe zugewiesen.' },
        ACTION_ITEM_DUE: { name: 'Aufgabe fällig', description: 'Eine Ihrer Aufgaben ist innerhalb von 2 Tagen fällig oder überfällig.' },
        MENTIONED: { name: 'Erwähnt', description: 'Jemand hat Sie in einem Kommentar mit @ erwähnt.' },
        REPLY: { name: 'Antworten', description: 'Jemand hat ein Anliegen oder einen Vorschlag kommentiert, den Sie eingebracht, verfasst oder kommentiert haben.' },
      },
      digest: {
        label: 'Tägliche Zusammenfassung um',
        hint: 'Zeitzone: {{zone}}. Die Zusammenfassung enthält die Arten, für die „Tägliche Zusammenfassung“ gewählt ist.',
        noRegion: 'UTC (Sie haben keine Region)',
      },
      unread: 'Ungelesen',
      subject: {
        Issue: 'Anliegen',
        Proposal: 'Vorschlag',
        Meeting: 'Sitzung',
      },
    },
  },
};
