import { z } from 'zod';
import { UUID, lineBreaks, withoutControlCharacters } from './text';
import { TEXT_LIMITS } from './limits';
import { MAX_POINTS } from './choices';

/** Forms of the impact and restitution letters (issue 11, item 5). */

/** Enough room for everything that matters, few enough to answer each one with care. */
export { MAX_POINTS };

const pointText = (max: number) =>
	z
		.string()
		.overwrite(lineBreaks)
		.trim()
		.max(max, { error: 'text_too_long' })
		.refine(...withoutControlCharacters);

/** The impact letter's points, from the repeated `point` fields; empty fields are left out. */
export const impactPointsSchema = z
	.array(pointText(TEXT_LIMITS.impactPoint))
	.transform((points) => points.filter(Boolean))
	.pipe(z.array(z.string()).min(1, { error: 'points_empty' }).max(MAX_POINTS, { error: 'points_too_many' }));

/** One answer per point, in the points' order; an empty answer means "not answered yet". */
export const restitutionAnswersSchema = z.array(pointText(TEXT_LIMITS.restitutionAnswer));

const id = z.string({ error: 'not_found' }).regex(UUID, { error: 'not_found' });
const versionNumber = z.coerce.number<string>({ error: 'not_found' }).int({ error: 'not_found' }).min(1, { error: 'not_found' }).max(100_000, { error: 'not_found' });

export const sendImpactSchema = z.object({ draftId: id, number: versionNumber });
export const restitutionTargetSchema = z.object({ impactLetterId: id });
export const sendRestitutionSchema = z.object({ impactLetterId: id, number: versionNumber });
