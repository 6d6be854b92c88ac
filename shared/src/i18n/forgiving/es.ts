// Forgiving part of the Spanish catalog.
import type { ForgivingCatalog } from '../types.js';

export const esForgiving: ForgivingCatalog = {
  forgiving: {
    draft: {
      restored: 'Borrador recuperado',
      discard: 'Descartar',
      discardLabel: 'Descartar el borrador recuperado',
      discarded: 'Borrador descartado.',
    },
    send: {
      offline: 'Estás sin conexión.',
      network: 'No se puede contactar con el servidor.',
      server: 'Error del servidor (referencia {{reference}}).',
      serverNoReference: 'Error del servidor.',
      kept: 'Tu texto se conserva.',
      retry: 'Reintentar',
    },
    session: {
      title: 'Tu sesión ha caducado',
      lead: 'Vuelve a iniciar sesión para continuar. Lo que escribiste se queda aquí, y lo que estabas enviando se envía en cuanto inicies sesión.',
      submit: 'Iniciar sesión y continuar',
      submitting: 'Iniciando sesión…',
      sso: 'El inicio de sesión único te devuelve a esta página; tu texto se guarda como borrador.',
      someoneElse: 'Iniciar sesión como otra persona',
      cancel: 'Ahora no',
      signedIn: 'Sesión iniciada de nuevo.',
    },
    more: {
      loaded_one: '{{formatted}} más cargado.',
      loaded_other: '{{formatted}} más cargados.',
    },
    guide: {
      title: 'Cómo funciona el consejo',
      lead: 'Los problemas se convierten en cambios acordados en seis pasos:',
      issue: 'Tema: un coordinador describe un problema.',
      support: 'Apoyo: otras regiones indican que también les afecta.',
      proposal: 'Propuesta: alguien redacta un cambio de política.',
      vote: 'Votación: los coordinadores votan la propuesta.',
      decision: 'Decisión: la dirección la aprueba cuando hace falta.',
      rollout: 'Implantación: cada región lleva el cambio a la práctica.',
      start: 'Empieza por el primer paso:',
      action: 'Plantear un tema',
    },
  },
};
