// Forgiving part of the German catalog.
import type { ForgivingCatalog } from '../types.js';

export const deForgiving: ForgivingCatalog = {
  forgiving: {
    draft: {
      restored: 'Entwurf wiederhergestellt',
      discard: 'Verwerfen',
      discardLabel: 'Den wiederhergestellten Entwurf verwerfen',
      discarded: 'Entwurf verworfen.',
    },
    send: {
      offline: 'Sie sind offline.',
      network: 'Der Server ist nicht erreichbar.',
      server: 'Serverfehler (Referenz {{reference}}).',
      serverNoReference: 'Serverfehler.',
      kept: 'Ihr Text bleibt erhalten.',
      retry: 'Erneut versuchen',
    },
    session: {
      title: 'Ihre Sitzung ist abgelaufen',
      lead: 'Melden Sie sich erneut an, um weiterzumachen. Was Sie geschrieben haben, bleibt hier, und was Sie gerade senden wollten, wird nach der Anmeldung gesendet.',
      submit: 'Anmelden und fortfahren',
      submitting: 'Anmeldung läuft…',
      sso: 'Die Einmalanmeldung bringt Sie zu dieser Seite zurück; Ihr Text bleibt als Entwurf erhalten.',
      someoneElse: 'Als andere Person anmelden',
      cancel: 'Nicht jetzt',
      signedIn: 'Wieder angemeldet.',
    },
    more: {
      loaded_one: '{{formatted}} weiterer geladen.',
      loaded_other: '{{formatted}} weitere geladen.',
    },
    guide: {
      title: 'So arbeitet der Rat',
      lead: 'Aus Problemen werden in sechs Schritten beschlossene Änderungen:',
      issue: 'Anliegen: Eine Koordinatorin oder ein Koordinator beschreibt ein Problem.',
      support: 'Unterstützung: Andere Regionen vermerken, dass sie auch betroffen sind.',
      proposal: 'Vorschlag: Jemand entwirft dazu eine Änderung der Richtlinie.',
      vote: 'Abstimmung: Die Koordinatoren stimmen über den Vorschlag ab.',
      decision: 'Entscheidung: Die Geschäftsleitung genehmigt ihn, wo nötig.',
      rollout: 'Einführung: Jede Region setzt die Änderung in die Praxis um.',
      start: 'Beginnen Sie mit dem ersten Schritt:',
      action: 'Anliegen melden',
    },
  },
};
