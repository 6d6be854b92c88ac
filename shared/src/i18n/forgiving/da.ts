// Forgiving part of the Danish catalog.
import type { ForgivingCatalog } from '../types.js';

export const daForgiving: ForgivingCatalog = {
  forgiving: {
    draft: {
      restored: 'Kladde gendannet',
      discard: 'Kassér',
      discardLabel: 'Kassér den gendannede kladde',
      discarded: 'Kladden er kasseret.',
    },
    send: {
      offline: 'Du er offline.',
      network: 'Serveren kan ikke nås.',
      server: 'Serverfejl (reference {{reference}}).',
      serverNoReference: 'Serverfejl.',
      kept: 'Din tekst er gemt.',
      retry: 'Prøv igen',
    },
    session: {
      title: 'Din session er udløbet',
      lead: 'Log ind igen for at fortsætte. Det, du har skrevet, bliver her, og det, du var ved at sende, sendes, når du er logget ind.',
      submit: 'Log ind og fortsæt',
      submitting: 'Logger ind…',
      sso: 'Single sign-on bringer dig tilbage til denne side; din tekst gemmes som kladde.',
      someoneElse: 'Log ind som en anden',
      cancel: 'Ikke nu',
      signedIn: 'Logget ind igen.',
    },
    more: {
      loaded_one: '{{formatted}} mere indlæst.',
      loaded_other: '{{formatted}} flere indlæst.',
    },
    guide: {
      title: 'Sådan arbejder rådet',
      lead: 'Problemer bliver til vedtagne ændringer i seks trin:',
      issue: 'Sag: en koordinator beskriver et problem.',
      support: 'Opbakning: andre regioner markerer, at de også er berørt.',
      proposal: 'Forslag: nogen udarbejder en ændring af politikken.',
      vote: 'Afstemning: koordinatorerne stemmer om forslaget.',
      decision: 'Beslutning: direktionen godkender det, hvor det kræves.',
      rollout: 'Udrulning: hver region omsætter ændringen til praksis.',
      start: 'Begynd med første trin:',
      action: 'Rejs en sag',
    },
  },
};
