// Duplicates part of the English catalog (the reference for the other languages' part): similar
// open issues while one is raised, the facilitators' possible duplicates, and undoing a merge.
export const enDuplicates = {
  duplicates: {
    mergedNotes: {
      heading: 'Also said on merged duplicates',
      lead: 'People counted here once who had also supported a duplicate merged into this issue, with what they wrote there.',
      on: 'On “{{title}}”',
    },
    message: {
      merged: '“{{title}}” was merged into “{{into}}”: your support and comments are there now.',
      unmerged: 'The merge of “{{title}}” was undone: it is an issue of its own again, with your support and comments.',
    },
    errors: {
      notMerged: 'This issue is not merged into another one, so there is no merge to undo.',
      targetMerged: 'The issue it was merged into has since been merged into another one. Undo that merge first.',
    },
    similar: {
      heading: 'Is it one of these?',
      lead: 'These open issues look like yours. If one of them is your problem, support it instead of raising it again.',
      found_one: '{{formatted}} similar open issue',
      found_other: '{{formatted}} similar open issues',
      none: 'No similar open issues so far.',
      regions: 'Regions: {{regions}}',
      supportIt: 'This is our problem too',
      supporting: 'Adding your region…',
      alreadyAffected: 'Your region is already counted',
      useNote: 'Add my description as our note',
      supported: 'Your region now supports “{{title}}”. Nothing new was raised.',
    },
    list: {
      link: 'Possible duplicates',
      title: 'Possible duplicates',
      lead: 'Open issues that look alike, most alike first. Merging one into the other keeps every supporter, note and comment, and can be undone.',
      loading: 'Looking for duplicates…',
      none: 'No possible duplicates among the active open issues.',
      alike: '{{percent}} alike',
      keep: 'Keep',
      mergeAway: 'Merge into it',
      merge: 'Merge',
      merged: '“{{from}}” was merged into “{{into}}”.',
      undo: 'Undo',
      pairLabel: '“{{duplicate}}” and “{{issue}}”',
    },
    unmerge: {
      heading: 'Merged by mistake?',
      lead: 'Undoing the merge gives this issue back its status, its supporters with their notes, and its comments.',
      button: 'Undo merge',
      confirm: 'Undo the merge of “{{from}}” into “{{into}}”?',
      consequence: 'Both issues are counted separately again. Supports and comments added to “{{into}}” since the merge stay there.',
      confirmButton: 'Undo merge',
      undoing: 'Undoing…',
      done: 'The merge is undone: this issue is open on its own again.',
    },
  },
};
