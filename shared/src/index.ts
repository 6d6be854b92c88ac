// The shared package: what server and web both need.
export * from './enums.js';
export * from './limits.js';
export * from './transitions.js';
export * from './priority.js';
export * from './schemas.js';
export * from './proposals.js';
export * from './tally.js';
export * from './agenda.js';
export * from './paths.js';
