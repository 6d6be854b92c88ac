// Phones and register part of the Spanish catalog.
import type { PhonesCatalog } from '../types.js';

export const esPhones: PhonesCatalog = {
  phones: {
    menu: {
      open: 'Menú',
    },
    vote: {
      jump: 'Votar ahora',
    },
    filters: {
      toggle: 'Filtros',
      active_one: '{{formatted}} activo',
      active_other: '{{formatted}} activos',
    },
  },
  policyChanges: {
    heading: 'Aprobados, en implantación',
    lead: 'Los cambios aprobados aparecen aquí de inmediato; cada uno pasa a ser la versión vigente cuando todas las regiones lo han implantado.',
    rollingOut: 'Aprobado, en implantación ({{done}} de {{total}} regiones)',
    approved: 'Aprobado, implantación sin empezar',
    newPolicy: 'Política nueva',
    changeOf: 'Cambia: {{title}}',
    pendingForPolicy: 'Hay un cambio aprobado:',
    proposal: 'Propuesta:',
  },
};
