// Apart from ./text so that the `[id=uuid]` matcher, which every page's code carries, does not
// bring zod along with it (issue 14: zod is 24 KB gzipped).

/** Ids are UUIDs; anything else cannot exist, so it never reaches the database. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
