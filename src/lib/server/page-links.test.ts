import { describe, expect, it } from 'vitest';
import { pageLinks } from './page-links';

describe('the links of a list shown a page at a time', () => {
	it('links to the next page, and back to the newest only from an older page', () => {
		expect(pageLinks('before', 'c2', null, 'log')).toEqual({ older: '?before=c2#log', newest: null });
		expect(pageLinks('before', null, 'c2', 'log')).toEqual({ older: null, newest: '?#log' });
		expect(pageLinks('before', null, null, 'log')).toEqual({ older: null, newest: null });
	});

	it('keeps the other lists’ pages in both links, and leaves out those at their newest', () => {
		expect(pageLinks('mineBefore', 'm2', 'm1', 'mine', { sharedBefore: 's1', other: null })).toEqual({
			older: '?sharedBefore=s1&mineBefore=m2#mine',
			newest: '?sharedBefore=s1#mine'
		});
	});

	it('writes a cursor so that the address reads it back unchanged', () => {
		const cursor = '2026-11-20T10:00:00.123456Z_0f8fad5b-d9cb-469f-a165-70867728950e';
		const { older } = pageLinks('before', cursor, null, 'log', { day: '2026-11-04_a&b=c' });
		const query = new URLSearchParams(older!.slice(1, older!.indexOf('#')));
		expect([query.get('before'), query.get('day')]).toEqual([cursor, '2026-11-04_a&b=c']);
	});
});
