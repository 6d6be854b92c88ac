// Follow-up part of the German catalog: Richtlinien bestätigen, Ergebnisse je Region.
import type { FollowUpCatalog } from '../types.js';

export const deFollowUp: FollowUpCatalog = {
  followUp: {
    upToDate: {
      message: {
        asked: 'Fassung {{version}} von „{{title}}“ gilt: Bitte lesen Sie, was sich geändert hat, und bestätigen Sie.',
        reminder: 'Erinnerung: Bitte bestätigen Sie, dass Sie Fassung {{version}} von „{{title}}“ gelesen haben (vor {{days}} Tagen beschlossen).',
      },
      errors: {
        coordinatorsOnly: 'Nur die Koordinatorinnen und Koordinatoren einer Region bestätigen Richtlinien.',
        notCurrent: 'Nur die geltende Fassung kann bestätigt werden: Die Richtlinie hat sich inzwischen geändert. Lesen Sie die neue Fassung.',
      },
      home: {
        title: 'Zu bestätigende Richtlinien',
        lead: 'Eine neue Fassung gilt. Lesen Sie, was sich geändert hat, und bestätigen Sie dann, dass Sie sie gelesen haben.',
        version: 'Fassung {{version}}',
        whatChanged: 'Was sich geändert hat',
        fullText: 'Der ganze Text',
        confirm: 'Gelesen',
        confirmFor: '„{{title}}“, Fassung {{version}}',
        done: 'Bestätigt: „{{title}}“, Fassung {{version}}.',
      },
      behind: {
        title: 'Regionen im Rückstand bei Richtlinien',
        lead: 'Koordinatorinnen und Koordinatoren, die Fassungen, die vor mehr als {{days}} Tagen beschlossen wurden, nicht bestätigt haben.',
        missing_one: '{{formatted}} Bestätigung fehlt',
        missing_other: '{{formatted}} Bestätigungen fehlen',
        people_one: '{{formatted}} Koordinator/in',
        people_other: '{{formatted}} Koordinator/innen',
        policies_one: '{{formatted}} Richtlinie',
        policies_other: '{{formatted}} Richtlinien',
        register: 'Richtlinienregister',
      },
      register: {
        heading: 'Gelesen und bestätigt',
        summary: '{{acknowledged}} von {{total}} Koordinator/innen haben Fassung {{version}} bestätigt.',
        region: '{{region}}: {{acknowledged}} von {{total}}',
        confirmed: 'Bestätigt',
        missing: 'Noch nicht',
        nobody: 'Noch niemand',
        everyone: 'Alle',
        you: 'Sie haben diese Fassung bestätigt.',
        confirm: 'Fassung {{version}} gelesen',
      },
    },
    outcomes: {
      message: {
        due: 'Wie hat sich „{{title}}“ in Ihrer Region bewährt? Bitte melden Sie das Ergebnis.',
        reopened: '{{count}} Regionen ({{regions}}) melden, dass „{{proposal}}“ das Anliegen „{{title}}“ nicht gelöst hat: Es wird wieder diskutiert.',
      },
      errors: {
        ownRegionOnly: 'Nur die Koordinatorinnen und Koordinatoren der Region melden ihr Ergebnis.',
        notImplemented: 'Ergebnisse werden nur für umgesetzte Änderungen gemeldet.',
        notDue: 'Das Ergebnis ist noch nicht fällig.',
      },
      validation: {
        outcomeNote: { tooLong: 'Die Zahlen dürfen höchstens 2.000 Zeichen lang sein.' },
        delay: 'Geben Sie eine ganze Zahl von Tagen zwischen 1 und 365 ein.',
      },
      settings: {
        heading: 'Ergebnisprüfung',
        lead: 'Wie lange nach der Umsetzung einer Änderung die Regionen gefragt werden, ob sie das Problem gelöst hat.',
        days: 'Tage nach der Umsetzung',
        hint: 'Von 1 bis 365. Bereits umgesetzte Änderungen behalten ihr Datum.',
        current: 'Die Regionen werden {{days}} Tage nach der Umsetzung einer Änderung gefragt.',
        save: 'Speichern',
        saving: 'Wird gespeichert …',
        saved: 'Gespeichert: Die Regionen werden {{days}} Tage nach der Umsetzung gefragt.',
      },
      verdict: {
        BETTER: 'Besser',
        SAME: 'Gleich',
        WORSE: 'Schlechter',
      },
      home: {
        title: 'Zu meldende Ergebnisse',
        lead: 'Diese Änderungen wurden vor einiger Zeit umgesetzt. Haben sie das Problem in Ihrer Region gelöst?',
        due: 'Gefragt seit {{date}}',
        verdict: 'Ergebnis in Ihrer Region',
        note: 'Zahlen (optional)',
        noteHint: 'Zum Beispiel: Beschwerden eine Woche vorher und nachher.',
        send: 'Melden',
        sending: 'Wird gemeldet …',
        done: 'Gemeldet: „{{title}}“: {{verdict}}.',
      },
      view: {
        title: 'Ergebnis nach Region',
        due: 'Die Regionen werden am {{date}} gefragt.',
        none: 'Noch keine Region hat gemeldet.',
        reopened: 'Schlechte Ergebnisse aus zwei oder mehr Regionen haben das Anliegen wieder zur Diskussion gestellt.',
        by: '{{name}}, {{date}}',
        change: 'Meldung ändern',
      },
    },
  },
};
