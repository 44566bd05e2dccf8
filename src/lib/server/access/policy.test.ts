import { describe, expect, it } from 'vitest';
import { can, assertCan, assertSiteTask, mayDoSiteTask, pointLetterAccess, hourAccess, type Action, type SiteTask, type Actor, type ItemAccess, type Visibility } from './policy';
import { DomainError } from '../errors';
import { trustAccess } from '../trust/access';
import { wishAccess } from '../deeds/wishes';
import { commitmentAccess } from '../deeds/commitments';
import { choiceAccess } from '../decision/decision';
import { agreementAccess } from '../agreements/agreements';
import { accountAccess } from '../talk/account';
import { questionAccess } from '../talk/questions';

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

	describe('the kinds of "Talking it through" (issue 11)', () => {
		const sent = new Date();
		const kinds: Record<string, { item: ItemAccess; partnerMay: Action[] }> = {
			'an agreement proposal': { item: agreementAccess({ proposerId: 'owner', coupleId: 'c1' }), partnerMay: ['read', 'respond'] },
			'a question': { item: questionAccess({ askerId: 'owner', coupleId: 'c1' }), partnerMay: ['read', 'respond'] },
			'a sent account': { item: accountAccess({ ownerId: 'owner', coupleId: 'c1', sentAt: sent }, { withdrawnAt: null }), partnerMay: ['read', 'respond'] },
			'a draft account': { item: accountAccess({ ownerId: 'owner', coupleId: null, sentAt: null }), partnerMay: [] },
			'a withdrawn account': { item: accountAccess({ ownerId: 'owner', coupleId: 'c1', sentAt: sent }, { withdrawnAt: sent }), partnerMay: [] }
		};
		for (const [kind, { item, partnerMay }] of Object.entries(kinds)) {
			for (const [name, actor] of Object.entries(actors)) {
				for (const action of actions) {
					const allowed = name === 'owner' || (name === 'partner' && partnerMay.includes(action));
					it(`${name} ${allowed ? 'may' : 'may not'} ${action} ${kind}`, () => {
						expect(can(actor, action, item)).toBe(allowed);
					});
				}
			}
		}
	});
});

describe('access policy for deeds (wishes, commitments and what hangs under them)', () => {
	// A share is bound to the couple it was made in: `c1` is the owner's couple, `c-old` an earlier one.
	const rows = {
		private: { ownerId: 'owner', sharedCoupleId: null },
		shared: { ownerId: 'owner', sharedCoupleId: 'c1' },
		'shared-in-an-earlier-couple': { ownerId: 'owner', sharedCoupleId: 'c-old' }
	};
	for (const [kind, toAccess] of [['wish', wishAccess], ['commitment', commitmentAccess]] as const) {
		for (const [name, actor] of Object.entries(actors)) {
			for (const action of actions) {
				for (const [shape, row] of Object.entries(rows)) {
					const allowed = name === 'owner' || (shape === 'shared' && expected(name, action, 'shared'));
					it(`${name} ${allowed ? 'may' : 'may not'} ${action} a ${shape} ${kind}`, () => {
						expect(can(actor, action, toAccess(row))).toBe(allowed);
					});
				}
			}
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

	/** Impact and restitution letters (item 5): a version is the partner's to read only once sent to their couple, while its letter stands. */
	const sentAt = new Date();
	const letterStates: [string, ItemAccess, boolean][] = [
		['a draft impact or restitution version', pointLetterAccess({ ownerId: 'owner', sentCoupleId: null }), false],
		['a sent impact or restitution version', pointLetterAccess({ ownerId: 'owner', sentCoupleId: 'c1' }, { withdrawnAt: null, waiting: false }), true],
		['a version whose letter waits (the recipient asked for space)', pointLetterAccess({ ownerId: 'owner', sentCoupleId: 'c1' }, { withdrawnAt: null, waiting: true }), false],
		['a version whose letter was withdrawn', pointLetterAccess({ ownerId: 'owner', sentCoupleId: 'c1' }, { withdrawnAt: sentAt, waiting: false }), false],
		['a version sent in an earlier couple', pointLetterAccess({ ownerId: 'owner', sentCoupleId: 'c-old' }, { withdrawnAt: null, waiting: false }), false],
		['a sent version whose letter is gone', pointLetterAccess({ ownerId: 'owner', sentCoupleId: 'c1' }, null), false]
	];
	for (const [kind, item, partnerSees] of letterStates) {
		for (const [name, actor] of Object.entries(actors)) {
			for (const action of actions) {
				const allowed = name === 'owner' || (name === 'partner' && partnerSees && (action === 'read' || action === 'respond'));
				it(`${name} ${allowed ? 'may' : 'may not'} ${action} ${kind}`, () => {
					expect(can(actor, action, item)).toBe(allowed);
				});
			}
		}
	}
});

/**
 * The trust kinds (issue 10) through the same matrix: each kind's access facts, in each of its
 * states, decide what owner, partner, another couple, a former partner, nobody and an administrator
 * may do. `shared` is what the partner may read and respond to; everything else only the owner may.
 */
describe('access policy for the trust kinds', () => {
	const kinds: [string, ItemAccess, boolean][] = [
		['a private trust check-in', trustAccess.checkin({ ownerId: 'owner', sharedCoupleId: null }), false],
		['a shared trust check-in', trustAccess.checkin({ ownerId: 'owner', sharedCoupleId: 'c1' }), true],
		['a trust check-in shared in an earlier couple', trustAccess.checkin({ ownerId: 'owner', sharedCoupleId: 'c0' }), false],
		['hope and strain, or a safety check', trustAccess.ownOnly({ ownerId: 'owner' }), false],
		['a contact-log entry', trustAccess.contactEntry({ ownerId: 'owner', coupleId: 'c1' }), true],
		['a contact-log entry written solo', trustAccess.contactEntry({ ownerId: 'owner', coupleId: null }), false],
		['a transparency measure or request', trustAccess.agreement({ ownerId: 'owner', coupleId: 'c1' }), true],
		['a memory', trustAccess.memory({ ownerId: 'owner', coupleId: 'c1', hidden: false }), true],
		['a hidden memory', trustAccess.memory({ ownerId: 'owner', coupleId: 'c1', hidden: true }), false]
	];
	for (const [kind, item, partnerSees] of kinds) {
		for (const [name, actor] of Object.entries(actors)) {
			for (const action of actions) {
				const allowed = name === 'owner' || (name === 'partner' && partnerSees && (action === 'read' || action === 'respond'));
				it(`${name} ${allowed ? 'may' : 'may not'} ${action} ${kind}`, () => {
					expect(can(actor, action, item)).toBe(allowed);
				});
			}
		}
	}
});

/** The weekly hour (issue 13, item 5): answers shared only once both answered; notes only when shared; the slot is the couple's. */
describe('access policy for the weekly hour', () => {
	const kinds: [string, ItemAccess, boolean][] = [
		['a week’s answers before both answered', hourAccess.entry({ ownerId: 'owner', coupleId: 'c1' }, false), false],
		['a week’s answers once both answered', hourAccess.entry({ ownerId: 'owner', coupleId: 'c1' }, true), true],
		['a week’s answers given solo', hourAccess.entry({ ownerId: 'owner', coupleId: null }, true), false],
		['answers given in an earlier couple', hourAccess.entry({ ownerId: 'owner', coupleId: 'c0' }, true), false],
		['a private hour note', hourAccess.note({ ownerId: 'owner', sharedCoupleId: null }), false],
		['a shared hour note', hourAccess.note({ ownerId: 'owner', sharedCoupleId: 'c1' }), true],
		['an hour note shared in an earlier couple', hourAccess.note({ ownerId: 'owner', sharedCoupleId: 'c0' }), false]
	];
	for (const [kind, item, partnerSees] of kinds) {
		for (const [name, actor] of Object.entries(actors)) {
			for (const action of actions) {
				const allowed = name === 'owner' || (name === 'partner' && partnerSees && (action === 'read' || action === 'respond'));
				it(`${name} ${allowed ? 'may' : 'may not'} ${action} ${kind}`, () => {
					expect(can(actor, action, item)).toBe(allowed);
				});
			}
		}
	}
	it('lets both partners use the couple’s slot, and only the person their solo slot', () => {
		const couples = { coupleId: 'c1', userId: null };
		const solo = { coupleId: null, userId: 'owner' };
		expect(Object.entries(actors).filter(([, a]) => hourAccess.slot(couples, a)).map(([n]) => n)).toEqual(['owner', 'partner']);
		expect(hourAccess.slot(solo, { userId: 'owner', coupleId: null })).toBe(true);
		expect(hourAccess.slot(solo, actors.partner!)).toBe(false);
	});
});
