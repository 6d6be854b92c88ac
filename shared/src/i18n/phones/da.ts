// Phones and register part of the Danish catalog.
import type { PhonesCatalog } from '../types.js';

export const daPhones: PhonesCatalog = {
  phones: {
    menu: {
      open: 'Menu',
    },
    vote: {
      jump: 'Stem nu',
    },
    filters: {
      toggle: 'Filtre',
      active_one: '{{formatted}} aktivt',
      active_other: '{{formatted}} aktive',
    },
  },
  policyChanges: {
    heading: 'Godkendt, under udrulning',
    lead: 'Godkendte ændringer vises her med det samme; hver bliver den gældende version, når alle regioner har udrullet den.',
    rollingOut: 'Godkendt, under udrulning ({{done}} af {{total}} regioner)',
    approved: 'Godkendt, udrulningen er ikke startet',
    newPolicy: 'Ny politik',
    changeOf: 'Ændrer: {{title}}',
    pendingForPolicy: 'En ændring er godkendt:',
    proposal: 'Forslag:',
  },
};
