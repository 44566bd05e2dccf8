import { describe, expect, it } from 'vitest';
import { can, assertCan, assertSiteTask, mayDoSiteTask, type Action, type SiteTask, type Actor, type ItemAccess, type Visibility } from './policy';
import { DomainError } from '../errors';
import { choiceAccess } from '../decision/decision';

const owner: Actor = { userId: 'owner', coupleId: 'c1' };
const actors: Record<string, Actor | null> = {
	owner,
	partner: { userId: 'partner', coupleId: 'c1' },
	otherCouple: { userId: 'stranger', coupleId: 'c2' },
	formerPartner: { userId: 'former', coupleId: null },
	anonymous: null,
	admin: { userId: 'admin', coupleId: null, isAdmin: true }
};
const actions: Action[] = ['read', 'update', 'delete', 'share', 'unshare', 'respond'];
const visibilities: Visibility[] = ['private', 'shared'];

/** Only these combinations are allowed; every other cell of the matrix must be refused. */
function expected(actor: string, action: Action, visibility: Visibility) {
	if (actor === 'owner') return true;
	return actor === 'partner' && (action === 'read' || action === 'respond') && visibility === 'shared';
}

describe('access policy', () => {
	for (const [name, actor] of Object.entries(actors)) {
		for (const action of actions) {
			for (const visibility of visibilities) {
				const allowed = expected(name, action, visibility);
				it(`${name} ${allowed ? 'may' : 'may not'} ${action} a ${visibility} item`, () => {
					const item: ItemAccess = { ownerId: 'owner', visibility, coupleId: 'c1' };
					expect(can(actor, action, item)).toBe(allowed);
				});
			}
		}
	}

	it('lets nobody but the owner read a shared item of someone who is solo', () => {
		const item: ItemAccess = { ownerId: 'owner', visibility: 'shared', coupleId: null };
		expect(can({ userId: 'x', coupleId: null }, 'read', item)).toBe(false);
		expect(can(owner, 'read', item)).toBe(true);
	});

	it('reports a refusal as not found', () => {
		expect(() => assertCan(actors.otherCouple, 'read', { ownerId: 'owner', visibility: 'private', coupleId: 'c1' })).toThrow(DomainError);
		expect(() => assertCan(owner, 'read', undefined)).toThrow('not_found');
	});

	const siteTasks: SiteTask[] = ['moderate', 'see-counts', 'manage-signups'];
	for (const [name, actor] of Object.entries(actors)) {
		for (const task of siteTasks) {
			const allowed = name === 'admin';
			it(`${name} ${allowed ? 'may' : 'may not'} do the site task ${task}`, () => {
				expect(mayDoSiteTask(actor, task)).toBe(allowed);
				if (allowed) expect(() => assertSiteTask(actor, task)).not.toThrow();
				else expect(() => assertSiteTask(actor, task)).toThrow('not_found');
			});
		}
	}
});

/** Issue 11 (hard-b): the access facts of the new kinds, through the same matrix of actors and actions. */
describe('access policy for the decision, triggers and impact letters', () => {
	for (const revealed of [false, true]) {
		for (const [name, actor] of Object.entries(actors)) {
			for (const action of actions) {
				const allowed = name === 'owner' || (revealed && name === 'partner' && (action === 'read' || action === 'respond'));
				it(`${name} ${allowed ? 'may' : 'may not'} ${action} a ${revealed ? 'revealed' : 'private'} decision choice`, () => {
					expect(can(actor, action, choiceAccess({ ownerId: 'owner', coupleId: 'c1', archivedAt: null }, revealed))).toBe(allowed);
				});
			}
		}
	}
	it('never shows an archived or solo choice to anyone but its owner', () => {
		expect(can(actors.partner, 'read', choiceAccess({ ownerId: 'owner', coupleId: 'c1', archivedAt: new Date() }, true))).toBe(false);
		expect(can(actors.partner, 'read', choiceAccess({ ownerId: 'owner', coupleId: null, archivedAt: null }, true))).toBe(false);
	});
});
