import { describe, expect, it } from 'vitest';
import { limitStage } from './text-limit';

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
