// Forgiving part of the English catalog (the reference for the other languages' part): drafts kept
// in the browser, sends that failed, signing in again in place, and the first-time guide.
export const enForgiving = {
  forgiving: {
    draft: {
      restored: 'Draft restored',
      discard: 'Discard',
      discardLabel: 'Discard the restored draft',
      discarded: 'Draft discarded.',
    },
    send: {
      offline: 'You are offline.',
      network: 'The server cannot be reached.',
      server: 'Server error (reference {{reference}}).',
      serverNoReference: 'Server error.',
      kept: 'Your text is kept.',
      retry: 'Try again',
    },
    session: {
      title: 'Your session has ended',
      lead: 'Sign in again to go on. What you typed stays here, and what you were sending is sent once you are signed in.',
      submit: 'Sign in and continue',
      submitting: 'Signing in…',
      sso: 'Single sign-on returns you to this page; your text is kept as a draft.',
      someoneElse: 'Sign in as someone else',
      cancel: 'Not now',
      signedIn: 'Signed in again.',
    },
    more: {
      loaded_one: '{{formatted}} more loaded.',
      loaded_other: '{{formatted}} more loaded.',
    },
    guide: {
      title: 'How the council works',
      lead: 'Problems become agreed changes in six steps:',
      issue: 'Issue: a coordinator describes a problem.',
      support: 'Support: other regions mark that they are affected too.',
      proposal: 'Proposal: someone drafts a change of policy for it.',
      vote: 'Vote: the coordinators vote on the proposal.',
      decision: 'Decision: senior management approves it where needed.',
      rollout: 'Rollout: each region puts the change into practice.',
      start: 'Start with the first step:',
      action: 'Raise an issue',
    },
  },
};
