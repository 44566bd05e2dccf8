// The fixed choices that pages list as well as the schemas check, apart from the schemas so that a
// page listing them does not bring zod along (issue 14: zod is 24 KB gzipped). The schemas import
// and re-export them.

/** Days of the week, ISO numbering (Monday 1). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Most points an impact or restitution letter holds. */
export const MAX_POINTS = 12;

/** How contact with the affair partner happened (trust's contact log). */
export const CHANNELS = ['in-person', 'message', 'call', 'social-media', 'work'] as const;

/** Transparency measures the repairing partner can offer. */
export const MEASURE_KINDS = ['phone-on-request', 'location-for-a-while', 'shared-calendar', 'open-accounts', 'other'] as const;

/** Feelings a shared memory can carry. */
export const FEELINGS = ['grateful', 'close', 'calm', 'hopeful', 'joyful', 'tender'] as const;
