// Follow-up part of the English catalog (the reference for the other languages' part): every
// coordinator up to date on the policy register (confirming each new version), and the outcome
// of an implemented change checked region by region.
export const enFollowUp = {
  followUp: {
    upToDate: {
      message: {
        asked: 'Version {{version}} of “{{title}}” is in force: please read what changed and confirm.',
        reminder: 'Reminder: please confirm you have read version {{version}} of “{{title}}” (adopted {{days}} days ago).',
      },
      errors: {
        coordinatorsOnly: 'Only the coordinators of a region confirm policies.',
        notCurrent: 'Only the version in force can be confirmed: the policy has changed since. Read the new version.',
      },
      home: {
        title: 'Policies to confirm',
        lead: 'A new version is in force. Read what changed, then confirm you have read it.',
        version: 'Version {{version}}',
        whatChanged: 'What changed',
        fullText: 'The whole text',
        confirm: 'I have read it',
        confirmFor: '“{{title}}”, version {{version}}',
        done: 'Confirmed: “{{title}}”, version {{version}}.',
      },
      behind: {
        title: 'Regions behind on policies',
        lead: 'Coordinators who have not confirmed versions adopted more than {{days}} days ago.',
        missing_one: '{{formatted}} confirmation missing',
        missing_other: '{{formatted}} confirmations missing',
        people_one: '{{formatted}} coordinator',
        people_other: '{{formatted}} coordinators',
        policies_one: '{{formatted}} policy',
        policies_other: '{{formatted}} policies',
        register: 'Policy register',
      },
      register: {
        heading: 'Read and confirmed',
        summary: '{{acknowledged}} of {{total}} coordinators have confirmed version {{version}}.',
        region: '{{region}}: {{acknowledged}} of {{total}}',
        confirmed: 'Confirmed',
        missing: 'Not yet',
        nobody: 'Nobody yet',
        everyone: 'Everyone',
        you: 'You confirmed this version.',
        confirm: 'I have read version {{version}}',
      },
    },
    outcomes: {
      message: {
        due: 'How did “{{title}}” work out in your region? Please report the outcome.',
        reopened: '{{count}} regions ({{regions}}) report that “{{proposal}}” did not solve “{{title}}”: the issue is open for discussion again.',
      },
      errors: {
        ownRegionOnly: "Only the region's coordinators report its outcome.",
        notImplemented: 'Outcomes are reported only for implemented changes.',
        notDue: 'The outcome is not due yet.',
      },
      validation: {
        outcomeNote: { tooLong: 'The figures can have at most 2,000 characters.' },
        delay: 'Enter a whole number of days from 1 to 365.',
      },
      settings: {
        heading: 'Outcome check',
        lead: 'How long after a change is implemented the regions are asked whether it solved the problem.',
        days: 'Days after implementation',
        hint: 'From 1 to 365. Changes already implemented keep their date.',
        current: 'The regions are asked {{days}} days after a change is implemented.',
        save: 'Save',
        saving: 'Saving…',
        saved: 'Saved: the regions are asked {{days}} days after implementation.',
      },
      verdict: {
        BETTER: 'Better',
        SAME: 'Same',
        WORSE: 'Worse',
      },
      home: {
        title: 'Outcomes to report',
        lead: 'These changes were implemented a while ago. Did they solve the problem in your region?',
        due: 'Asked since {{date}}',
        verdict: 'Outcome in your region',
        note: 'Figures (optional)',
        noteHint: 'For example: complaints a week before and after.',
        send: 'Report',
        sending: 'Reporting…',
        done: 'Reported: “{{title}}”: {{verdict}}.',
      },
      view: {
        title: 'Outcome by region',
        due: 'The regions are asked on {{date}}.',
        none: 'No region has reported yet.',
        reopened: 'Poor outcomes from two or more regions reopened the issue for discussion.',
        by: '{{name}}, {{date}}',
        change: 'Change your report',
      },
    },
  },
};
