// Duplicates part of the Danish catalog (keys as in ./en.ts).
import type { DuplicatesCatalog } from '../types.js';

export const daDuplicates: DuplicatesCatalog = {
  duplicates: {
    mergedNotes: {
      heading: 'Også skrevet på sammenlagte dubletter',
      lead: 'Personer, der tæller én gang her, og som også støttede en dublet, der blev lagt sammen med denne sag, med det de skrev der.',
      on: 'På “{{title}}”',
    },
    message: {
      merged: '“{{title}}” blev lagt sammen med “{{into}}”: din støtte og dine kommentarer står nu der.',
      unmerged: 'Sammenlægningen af “{{title}}” blev fortrudt: den er igen en sag for sig, med din støtte og dine kommentarer.',
    },
    errors: {
      notMerged: 'Denne sag er ikke lagt sammen med en anden, så der er ingen sammenlægning at fortryde.',
      targetMerged: 'Den sag, den blev lagt sammen med, er siden selv lagt sammen med en anden. Fortryd den sammenlægning først.',
    },
    similar: {
      heading: 'Er det en af disse?',
      lead: 'Disse åbne sager ligner din. Hvis en af dem er jeres problem, så støt den i stedet for at rejse den igen.',
      found_one: '{{formatted}} lignende åben sag',
      found_other: '{{formatted}} lignende åbne sager',
      none: 'Ingen lignende åbne sager indtil videre.',
      regions: 'Regioner: {{regions}}',
      supportIt: 'Det er også vores problem',
      supporting: 'Tilføjer din region …',
      alreadyAffected: 'Din region er allerede talt med',
      useNote: 'Tilføj min beskrivelse som vores note',
      supported: 'Din region støtter nu “{{title}}”. Der blev ikke rejst noget nyt.',
    },
    list: {
      link: 'Mulige dubletter',
      title: 'Mulige dubletter',
      lead: 'Åbne sager, der ligner hinanden, de mest ens først. Når de lægges sammen, bevares alle støtter, noter og kommentarer, og det kan fortrydes.',
      loading: 'Leder efter dubletter …',
      none: 'Ingen mulige dubletter blandt de aktive åbne sager.',
      alike: '{{percent}} ens',
      keep: 'Behold',
      mergeAway: 'Læg sammen med den',
      merge: 'Læg sammen',
      merged: '“{{from}}” blev lagt sammen med “{{into}}”.',
      undo: 'Fortryd',
      pairLabel: '“{{duplicate}}” og “{{issue}}”',
    },
    unmerge: {
      heading: 'Lagt sammen ved en fejl?',
      lead: 'Fortrydes sammenlægningen, får denne sag sin status, sine støtter med deres noter og sine kommentarer tilbage.',
      button: 'Fortryd sammenlægning',
      confirm: 'Fortryd sammenlægningen af “{{from}}” med “{{into}}”?',
      consequence: 'De to sager tælles igen hver for sig. Støtter og kommentarer, der er kommet til “{{into}}” siden sammenlægningen, bliver der.',
      confirmButton: 'Fortryd sammenlægning',
      undoing: 'Fortryder …',
      done: 'Sammenlægningen er fortrudt: sagen er åben for sig selv igen.',
    },
  },
};
