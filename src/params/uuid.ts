import type { ParamMatcher } from '@sveltejs/kit';
import { UUID } from '$lib/schemas/uuid';

/** `[id=uuid]`: any other id is answered with 404 before a query is made. */
export const match: ParamMatcher = (param) => UUID.test(param);
