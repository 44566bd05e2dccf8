import { describe, expect, it } from 'vitest';
import { counterNumbers, limitStage, limitTexts } from './text-limit';

describe('limitStage', () => {
	it('stays quiet below 80 % and names each stage above it, up to over the limit', () => {
		expect(limitStage(0, 500)).toBe('quiet');
		expect(limitStage(399, 500)).toBe('quiet');
		expect(limitStage(400, 500)).toBe('near');
		expect(limitStage(475, 500)).toBe('close');
		expect(limitStage(500, 500)).toBe('full');
		expect(limitStage(501, 500)).toBe('over');
	});
});

describe('limitTexts', () => {
	const texts = {
		limit: (n: { max: string }) => `up to ${n.max}`,
		counter: (n: { count: string; max: string }) => `${n.count} of ${n.max}`,
		over: (n: { over: string; max: string }) => `${n.over} over (up to ${n.max})`,
		left: (n: { left: string }) => `${n.left} left`
	};
	const format = (n: number) => `#${n}`;

	it('shows the limit while quiet, the count near it, what is over past it; says only what a stage means', () => {
		expect(limitTexts(10, 500, format, texts)).toEqual({ stage: 'quiet', shown: 'up to #500', spoken: '' });
		expect(limitTexts(420, 500, format, texts)).toEqual({ stage: 'near', shown: '#420 of #500', spoken: '#80 left' });
		expect(limitTexts(500, 500, format, texts)).toEqual({ stage: 'full', shown: '#500 of #500', spoken: '#0 left' });
		expect(limitTexts(501, 500, format, texts)).toEqual({ stage: 'over', shown: '#1 over (up to #500)', spoken: '#1 over (up to #500)' });
	});

	it('formats numbers for the page’s language', () => {
		expect(counterNumbers('nl').format(20000)).toBe('20.000');
		expect(counterNumbers('en').format(20000)).toBe('20,000');
	});

	it('makes the format once per language, not once per field', () => {
		expect(counterNumbers('nl')).toBe(counterNumbers('nl'));
		expect(counterNumbers('en')).not.toBe(counterNumbers('nl'));
	});
});
