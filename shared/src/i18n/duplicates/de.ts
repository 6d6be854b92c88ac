// Duplicates part of the German catalog (keys as in ./en.ts).
import type { DuplicatesCatalog } from '../types.js';

export const deDuplicates: DuplicatesCatalog = {
  duplicates: {
    mergedNotes: {
      heading: 'Auch zu zusammengeführten Duplikaten gesagt',
      lead: 'Personen, die hier einmal zählen und auch ein Duplikat unterstützt hatten, das mit diesem Anliegen zusammengeführt wurde, mit dem, was sie dort geschrieben haben.',
      on: 'Zu „{{title}}“',
    },
    message: {
      merged: '„{{title}}“ wurde mit „{{into}}“ zusammengeführt: Ihre Unterstützung und Ihre Kommentare stehen jetzt dort.',
      unmerged: 'Die Zusammenführung von „{{title}}“ wurde rückgängig gemacht: Es ist wieder ein eigenes Anliegen, mit Ihrer Unterstützung und Ihren Kommentaren.',
    },
    errors: {
      notMerged: 'Dieses Anliegen ist mit keinem anderen zusammengeführt; es gibt nichts rückgängig zu machen.',
      targetMerged: 'Das Anliegen, in das es zusammengeführt wurde, ist inzwischen selbst zusammengeführt. Machen Sie zuerst diese Zusammenführung rückgängig.',
    },
    similar: {
      heading: 'Ist es eines davon?',
      lead: 'Diese offenen Anliegen ähneln Ihrem. Wenn eines davon Ihr Problem ist, unterstützen Sie es, statt es noch einmal einzubringen.',
      found_one: '{{formatted}} ähnliches offenes Anliegen',
      found_other: '{{formatted}} ähnliche offene Anliegen',
      none: 'Bisher keine ähnlichen offenen Anliegen.',
      regions: 'Regionen: {{regions}}',
      supportIt: 'Das ist auch unser Problem',
      supporting: 'Ihre Region wird hinzugefügt …',
      alreadyAffected: 'Ihre Region ist schon gezählt',
      useNote: 'Meine Beschreibung als unsere Notiz hinzufügen',
      supported: 'Ihre Region unterstützt jetzt „{{title}}“. Es wurde nichts Neues eingebracht.',
    },
    list: {
      link: 'Mögliche Duplikate',
      title: 'Mögliche Duplikate',
      lead: 'Offene Anliegen, die sich ähneln, die ähnlichsten zuerst. Beim Zusammenführen bleiben alle Unterstützungen, Notizen und Kommentare erhalten, und es lässt sich rückgängig machen.',
      loading: 'Duplikate werden gesucht …',
      none: 'Keine möglichen Duplikate unter den aktiven offenen Anliegen.',
      alike: '{{percent}} ähnlich',
      keep: 'Behalten',
      mergeAway: 'Hineinführen',
      merge: 'Zusammenführen',
      merged: '„{{from}}“ wurde in „{{into}}“ zusammengeführt.',
      undo: 'Rückgängig',
      pairLabel: '„{{duplicate}}“ und „{{issue}}“',
    },
    unmerge: {
      heading: 'Versehentlich zusammengeführt?',
      lead: 'Wird die Zusammenführung rückgängig gemacht, erhält dieses Anliegen seinen Status, seine Unterstützungen mit Notizen und seine Kommentare zurück.',
      button: 'Zusammenführung rückgängig machen',
      confirm: 'Zusammenführung von „{{from}}“ in „{{into}}“ rückgängig machen?',
      consequence: 'Beide Anliegen werden wieder getrennt gezählt. Unterstützungen und Kommentare, die seit der Zusammenführung zu „{{into}}“ hinzukamen, bleiben dort.',
      confirmButton: 'Rückgängig machen',
      undoing: 'Wird rückgängig gemacht …',
      done: 'Die Zusammenführung ist rückgängig gemacht: Dieses Anliegen ist wieder eigenständig offen.',
    },
  },
};
