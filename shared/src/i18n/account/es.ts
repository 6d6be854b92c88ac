import type { AccountCatalog } from '../types.js';

export const esAccount: AccountCatalog = {
  account: {
    headerLink: 'Tu cuenta',
    title: 'Tu cuenta',
    lead: 'Quién eres en Council, tu idioma y cómo te enteras de lo que pasa.',
    loading: 'Cargando tu cuenta…',
    profile: {
      heading: 'Perfil',
      name: 'Nombre',
      email: 'Correo electrónico',
      region: 'Región',
      noRegion: 'Sin región',
      language: 'Idioma',
    },
    notifications: {
      heading: 'Avisos',
      lead: 'Elige para cada tipo de aviso si aparece en la aplicación y si recibes un correo al momento, en un resumen diario o nunca.',
      kind: 'Aviso',
      inApp: 'En la aplicación',
      email: 'Correo',
      status: 'Estado',
      delivery: {
        IMMEDIATE: 'Al momento',
        DAILY_DIGEST: 'Resumen diario',
        OFF: 'Desactivado',
      },
      saving: 'Guardando…',
      saved: 'Guardado',
      kinds: {
        VOTING_OPENED: { name: 'Votación abierta', description: 'Se abrió la votación de una propuesta en la que puedes votar.' },
        VOTE_CLOSING_SOON: { name: 'La votación cierra pronto', description: 'La votación cierra en menos de 24 horas y aún no has votado.' },
        VOTING_CLOSED: { name: 'Votación cerrada', description: 'Se cerró la votación de una propuesta que escribiste o votaste, o cuyo tema planteaste o apoyas.' },
        PROPOSAL_ON_MY_ISSUE: { name: 'Propuesta sobre tu tema', description: 'Se redactó una propuesta para un tema que planteaste o apoyas.' },
        DECISION_MADE: { name: 'Decisión tomada', description: 'La dirección decidió sobre una propuesta que escribiste o votaste, o cuyo tema planteaste o apoyas.' },
        CHANGES_REQUESTED: { name: 'Cambios solicitados', description: 'La dirección pidió cambios en una propuesta que escribiste.' },
        ROLLOUT_DUE: { name: 'Implantación próxima', description: 'Se abrió una implantación en tu región o vence en menos de 7 días.' },
        ROLLOUT_OVERDUE: { name: 'Implantación atrasada', description: 'Una implantación en tu región ha superado su fecha límite.' },
        AGENDA_PUBLISHED: { name: 'Orden del día publicado', description: 'Se publicó el orden del día de una reunión a la que asistes, o cambió después de publicarse.' },
        ACTION_ITEM_ASSIGNED: { name: 'Tarea asignada', description: 'Se te asignó una tarea.' },
        ACTION_ITEM_DUE: { name: 'Tarea a punto de vencer', description: 'Una de tus tareas vence en menos de 2 días o está atrasada.' },
        MENTIONED: { name: 'Mención', description: 'Alguien te @mencionó en un comentario.' },
        REPLY: { name: 'Respuestas', description: 'Alguien comentó en un tema o una propuesta que planteaste, escribiste o comentaste.' },
      },
      digest: {
        label: 'Resumen diario a las',
        hint: 'Zona horaria: {{zone}}. El resumen reúne los tipos configurados como «Resumen diario».',
        noRegion: 'UTC (no tienes región)',
      },
      unread: 'Sin leer',
      subject: {
        Issue: 'Tema',
        Proposal: 'Propuesta',
        Meeting: 'Reunión',
      },
    },
  },
};
