// Follow-up part of the Danish catalog: retningslinjer at bekræfte, resultater pr. region.
import type { FollowUpCatalog } from '../types.js';

export const daFollowUp: FollowUpCatalog = {
  followUp: {
    upToDate: {
      message: {
        asked: 'Version {{version}} af “{{title}}” gælder nu: læs, hvad der er ændret, og bekræft.',
        reminder: 'Påmindelse: bekræft, at du har læst version {{version}} af “{{title}}” (vedtaget for {{days}} dage siden).',
      },
      errors: {
        coordinatorsOnly: 'Kun en regions koordinatorer bekræfter retningslinjer.',
        notCurrent: 'Kun den gældende version kan bekræftes: retningslinjen er ændret siden. Læs den nye version.',
      },
      home: {
        title: 'Retningslinjer at bekræfte',
        lead: 'En ny version gælder. Læs, hvad der er ændret, og bekræft derefter, at du har læst den.',
        version: 'Version {{version}}',
        whatChanged: 'Hvad er ændret',
        fullText: 'Hele teksten',
        confirm: 'Jeg har læst den',
        confirmFor: '“{{title}}”, version {{version}}',
        done: 'Bekræftet: “{{title}}”, version {{version}}.',
      },
      behind: {
        title: 'Regioner bagud med retningslinjer',
        lead: 'Koordinatorer, der ikke har bekræftet versioner vedtaget for mere end {{days}} dage siden.',
        missing_one: '{{formatted}} bekræftelse mangler',
        missing_other: '{{formatted}} bekræftelser mangler',
        people_one: '{{formatted}} koordinator',
        people_other: '{{formatted}} koordinatorer',
        policies_one: '{{formatted}} retningslinje',
        policies_other: '{{formatted}} retningslinjer',
        register: 'Retningslinjeregister',
      },
      register: {
        heading: 'Læst og bekræftet',
        summary: '{{acknowledged}} af {{total}} koordinatorer har bekræftet version {{version}}.',
        region: '{{region}}: {{acknowledged}} af {{total}}',
        confirmed: 'Bekræftet',
        missing: 'Endnu ikke',
        nobody: 'Ingen endnu',
        everyone: 'Alle',
        you: 'Du har bekræftet denne version.',
        confirm: 'Jeg har læst version {{version}}',
      },
    },
    outcomes: {
      message: {
        due: 'Hvordan har “{{title}}” virket i din region? Meld venligst resultatet.',
        reopened: '{{count}} regioner ({{regions}}) melder, at “{{proposal}}” ikke løste “{{title}}”: sagen er til drøftelse igen.',
      },
      errors: {
        ownRegionOnly: 'Kun regionens koordinatorer melder dens resultat.',
        notImplemented: 'Resultater meldes kun for gennemførte ændringer.',
        notDue: 'Resultatet skal ikke meldes endnu.',
      },
      validation: {
        outcomeNote: { tooLong: 'Tallene må højst have 2.000 tegn.' },
        delay: 'Angiv et helt antal dage fra 1 til 365.',
      },
      settings: {
        heading: 'Opfølgning på resultater',
        lead: 'Hvor længe efter en ændring er gennemført, regionerne bliver spurgt, om den løste problemet.',
        days: 'Dage efter gennemførelsen',
        hint: 'Fra 1 til 365. Ændringer, der allerede er gennemført, beholder deres dato.',
        current: 'Regionerne bliver spurgt {{days}} dage efter, at en ændring er gennemført.',
        save: 'Gem',
        saving: 'Gemmer …',
        saved: 'Gemt: regionerne bliver spurgt {{days}} dage efter gennemførelsen.',
      },
      verdict: {
        BETTER: 'Bedre',
        SAME: 'Uændret',
        WORSE: 'Værre',
      },
      home: {
        title: 'Resultater at melde',
        lead: 'Disse ændringer blev gennemført for et stykke tid siden. Løste de problemet i din region?',
        due: 'Spurgt siden {{date}}',
        verdict: 'Resultat i din region',
        note: 'Tal (valgfrit)',
        noteHint: 'For eksempel: klager en uge før og efter.',
        send: 'Meld',
        sending: 'Melder …',
        done: 'Meldt: “{{title}}”: {{verdict}}.',
      },
      view: {
        title: 'Resultat pr. region',
        due: 'Regionerne bliver spurgt den {{date}}.',
        none: 'Ingen region har meldt endnu.',
        reopened: 'Dårlige resultater fra to eller flere regioner genåbnede sagen til drøftelse.',
        by: '{{name}}, {{date}}',
        change: 'Ret din melding',
      },
    },
  },
};
