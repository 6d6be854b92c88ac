// Parte del informe del caso del catálogo español (ver brief/en.ts).
import type { BriefCatalog } from '../types.js';

export const esBrief: BriefCatalog = {
  brief: {
    kind: 'Informe del caso',
    documentTitle: 'Informe del caso: {{title}}',
    meta: 'Propuesta de {{author}}, versión {{version}}',
    submitted: 'presentada el {{date}}',
    status: 'Estado: {{status}}',
    sections: {
      problem: 'El problema',
      regions: 'Regiones afectadas',
      vote: 'La votación',
      discussion: 'Puntos clave de la discusión',
      referrals: 'Respuestas de otros departamentos',
      change: 'El cambio',
      impact: 'Impacto esperado',
    },
    problem: {
      raisedBy: 'Planteado por {{name}} en {{region}} el {{date}}.',
      evidence: 'Pruebas',
    },
    regions: {
      summary: '{{count}} de {{total}} regiones',
      origin: 'planteado aquí',
      supporters_one: '{{count}} apoyo',
      supporters_other: '{{count}} apoyos',
      note: '«{{note}}» — {{author}}',
      detail: '({{detail}})',
    },
    vote: {
      counts: 'A favor {{for}} · En contra {{against}} · Abstención {{abstain}}',
      quorumReached: 'Quórum alcanzado: votaron {{voted}} de {{total}} regiones (se necesita {{quorum}}).',
      quorumMissed: 'Quórum no alcanzado: votaron {{voted}} de {{total}} regiones (se necesita {{quorum}}).',
      threshold: 'El {{share}} de los votos a favor o en contra son a favor (se necesita más del {{threshold}}).',
      passing: 'La propuesta se aprueba.',
      failing: 'La propuesta no se aprueba.',
      reasons: 'Motivos dados',
      noReasons: 'Nadie dio un motivo.',
      choice: '{{choice}}:',
      reasonLine: '«{{reason}}» — {{voter}}, {{region}}',
      moreReasons_one: '… y {{count}} motivo más en la página de la propuesta.',
      moreReasons_other: '… y {{count}} motivos más en la página de la propuesta.',
    },
    discussion: {
      selection: 'El último comentario de cada región, el más reciente primero (como máximo {{max}}).',
      onIssue: 'sobre el tema',
      onProposal: 'sobre la propuesta',
      none: 'Nadie ha comentado todavía.',
    },
    referrals: {
      none: 'Ningún otro departamento ha respondido a una pregunta sobre este tema.',
      questionLine: 'Pregunta: {{question}}',
      answerLine: 'Respuesta: {{answer}}',
      by: '({{who}})',
      answeredBy: '{{name}}, {{date}}',
    },
    change: {
      current: 'Política actual',
      proposed: 'Política propuesta',
      rationale: 'Justificación',
    },
    impact: {
      none: 'La propuesta no indica su impacto esperado.',
    },
    page: {
      open: 'Informe del caso',
      back: 'Volver a la propuesta',
      backToDecision: 'Volver a la decisión',
      print: 'Imprimir',
      download: 'Descargar en Markdown',
      loading: 'Cargando el informe del caso…',
    },
    message: {
      submitted: '«{{title}}» se presentó a la dirección para tu decisión.',
    },
    mail: {
      summary: 'El caso en resumen',
      problem: 'Problema',
      regions: 'Regiones afectadas',
      vote: 'Votación',
      impact: 'Impacto esperado',
      decide: 'Decidir',
      brief: 'Leer e imprimir el informe del caso',
    },
  },
};
