// Duplicates part of the Spanish catalog (keys as in ./en.ts).
import type { DuplicatesCatalog } from '../types.js';

export const esDuplicates: DuplicatesCatalog = {
  duplicates: {
    mergedNotes: {
      heading: 'También dicho en duplicados fusionados',
      lead: 'Personas que cuentan aquí una vez y que también apoyaron un duplicado fusionado con este tema, con lo que escribieron allí.',
      on: 'En «{{title}}»',
    },
    message: {
      merged: '«{{title}}» se fusionó con «{{into}}»: tu apoyo y tus comentarios están ahora allí.',
      unmerged: 'Se deshizo la fusión de «{{title}}»: vuelve a ser un tema propio, con tu apoyo y tus comentarios.',
    },
    errors: {
      notMerged: 'Este tema no está fusionado con otro, así que no hay ninguna fusión que deshacer.',
      targetMerged: 'El tema con el que se fusionó se ha fusionado después con otro. Deshaga primero esa fusión.',
    },
    similar: {
      heading: '¿Es uno de estos?',
      lead: 'Estos temas abiertos se parecen al suyo. Si uno de ellos es su problema, apóyelo en lugar de plantearlo de nuevo.',
      found_one: '{{formatted}} tema abierto parecido',
      found_other: '{{formatted}} temas abiertos parecidos',
      none: 'Por ahora no hay temas abiertos parecidos.',
      regions: 'Regiones: {{regions}}',
      supportIt: 'También es nuestro problema',
      supporting: 'Añadiendo su región…',
      alreadyAffected: 'Su región ya está contada',
      useNote: 'Añadir mi descripción como nuestra nota',
      supported: 'Su región apoya ahora «{{title}}». No se ha planteado nada nuevo.',
    },
    list: {
      link: 'Posibles duplicados',
      title: 'Posibles duplicados',
      lead: 'Temas abiertos que se parecen, los más parecidos primero. Al fusionarlos se conservan todos los apoyos, notas y comentarios, y se puede deshacer.',
      loading: 'Buscando duplicados…',
      none: 'No hay posibles duplicados entre los temas abiertos activos.',
      alike: '{{percent}} parecidos',
      keep: 'Conservar',
      mergeAway: 'Fusionar con él',
      merge: 'Fusionar',
      merged: '«{{from}}» se fusionó con «{{into}}».',
      undo: 'Deshacer',
      pairLabel: '«{{duplicate}}» y «{{issue}}»',
    },
    unmerge: {
      heading: '¿Fusionado por error?',
      lead: 'Al deshacer la fusión, este tema recupera su estado, sus apoyos con sus notas y sus comentarios.',
      button: 'Deshacer fusión',
      confirm: '¿Deshacer la fusión de «{{from}}» con «{{into}}»?',
      consequence: 'Los dos temas vuelven a contarse por separado. Los apoyos y comentarios añadidos a «{{into}}» desde la fusión se quedan allí.',
      confirmButton: 'Deshacer fusión',
      undoing: 'Deshaciendo…',
      done: 'La fusión se ha deshecho: este tema vuelve a estar abierto por sí mismo.',
    },
  },
};
