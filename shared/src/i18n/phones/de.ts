// Phones and register part of the German catalog.
import type { PhonesCatalog } from '../types.js';

export const dePhones: PhonesCatalog = {
  phones: {
    menu: {
      open: 'Menü',
    },
    vote: {
      jump: 'Jetzt abstimmen',
    },
    filters: {
      toggle: 'Filter',
      active_one: '{{formatted}} aktiv',
      active_other: '{{formatted}} aktiv',
    },
  },
  policyChanges: {
    heading: 'Genehmigt, in Einführung',
    lead: 'Genehmigte Änderungen erscheinen hier sofort; jede wird zur gültigen Fassung, sobald alle Regionen sie eingeführt haben.',
    rollingOut: 'Genehmigt, in Einführung ({{done}} von {{total}} Regionen)',
    approved: 'Genehmigt, Einführung noch nicht begonnen',
    newPolicy: 'Neue Richtlinie',
    changeOf: 'Ändert: {{title}}',
    pendingForPolicy: 'Eine Änderung ist genehmigt:',
    proposal: 'Vorschlag:',
  },
};
