// Follow-up part of the Spanish catalog: políticas por confirmar, resultados por región.
import type { FollowUpCatalog } from '../types.js';

export const esFollowUp: FollowUpCatalog = {
  followUp: {
    upToDate: {
      message: {
        asked: 'La versión {{version}} de «{{title}}» está en vigor: lee qué ha cambiado y confírmalo.',
        reminder: 'Recordatorio: confirma que has leído la versión {{version}} de «{{title}}» (adoptada hace {{days}} días).',
      },
      errors: {
        coordinatorsOnly: 'Solo los coordinadores de una región confirman políticas.',
        notCurrent: 'Solo se puede confirmar la versión en vigor: la política ha cambiado desde entonces. Lee la nueva versión.',
      },
      home: {
        title: 'Políticas por confirmar',
        lead: 'Hay una nueva versión en vigor. Lee qué ha cambiado y confirma que la has leído.',
        version: 'Versión {{version}}',
        whatChanged: 'Qué ha cambiado',
        fullText: 'El texto completo',
        confirm: 'La he leído',
        confirmFor: '«{{title}}», versión {{version}}',
        done: 'Confirmado: «{{title}}», versión {{version}}.',
      },
      behind: {
        title: 'Regiones atrasadas con las políticas',
        lead: 'Coordinadores que no han confirmado versiones adoptadas hace más de {{days}} días.',
        missing_one: 'falta {{formatted}} confirmación',
        missing_other: 'faltan {{formatted}} confirmaciones',
        people_one: '{{formatted}} coordinador',
        people_other: '{{formatted}} coordinadores',
        policies_one: '{{formatted}} política',
        policies_other: '{{formatted}} políticas',
        register: 'Registro de políticas',
      },
      register: {
        heading: 'Leído y confirmado',
        summary: '{{acknowledged}} de {{total}} coordinadores han confirmado la versión {{version}}.',
        region: '{{region}}: {{acknowledged}} de {{total}}',
        confirmed: 'Confirmado',
        missing: 'Todavía no',
        nobody: 'Nadie todavía',
        everyone: 'Todos',
        you: 'Has confirmado esta versión.',
        confirm: 'He leído la versión {{version}}',
      },
    },
    outcomes: {
      message: {
        due: '¿Qué tal ha funcionado «{{title}}» en tu región? Informa del resultado, por favor.',
        reopened: '{{count}} regiones ({{regions}}) informan de que «{{proposal}}» no resolvió «{{title}}»: el tema vuelve a estar en discusión.',
      },
      errors: {
        ownRegionOnly: 'Solo los coordinadores de la región informan de su resultado.',
        notImplemented: 'Solo se informa del resultado de cambios implantados.',
        notDue: 'Todavía no toca informar del resultado.',
      },
      validation: {
        outcomeNote: { tooLong: 'Las cifras pueden tener como máximo 2000 caracteres.' },
        delay: 'Introduce un número entero de días entre 1 y 365.',
      },
      settings: {
        heading: 'Comprobación de resultados',
        lead: 'Cuánto tiempo después de implantar un cambio se pregunta a las regiones si resolvió el problema.',
        days: 'Días tras la implantación',
        hint: 'De 1 a 365. Los cambios ya implantados conservan su fecha.',
        current: 'Se pregunta a las regiones {{days}} días después de implantar un cambio.',
        save: 'Guardar',
        saving: 'Guardando…',
        saved: 'Guardado: se pregunta a las regiones {{days}} días después de la implantación.',
      },
      verdict: {
        BETTER: 'Mejor',
        SAME: 'Igual',
        WORSE: 'Peor',
      },
      home: {
        title: 'Resultados por informar',
        lead: 'Estos cambios se implantaron hace un tiempo. ¿Resolvieron el problema en tu región?',
        due: 'Preguntado desde el {{date}}',
        verdict: 'Resultado en tu región',
        note: 'Cifras (opcional)',
        noteHint: 'Por ejemplo: quejas una semana antes y después.',
        send: 'Informar',
        sending: 'Informando…',
        done: 'Informado: «{{title}}»: {{verdict}}.',
      },
      view: {
        title: 'Resultado por región',
        due: 'Se pregunta a las regiones el {{date}}.',
        none: 'Ninguna región ha informado todavía.',
        reopened: 'Los malos resultados de dos o más regiones reabrieron el tema para su discusión.',
        by: '{{name}}, {{date}}',
        change: 'Cambiar tu informe',
      },
    },
  },
};
