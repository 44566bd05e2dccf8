import type { VFile } from 'vfile';
import type { ElementName } from '../types';

const KEY = 'herstelpadElements';

/** Records on the file which elements the missing-* rules found. */
export function setElement(file: VFile, element: ElementName, present: boolean): void {
	const elements = readElements(file);
	elements[element] = present;
	file.data[KEY] = elements;
}

/** The elements recorded on a file; absent ones read as false. */
export function readElements(file: VFile): Record<ElementName, boolean> {
	const stored = file.data[KEY] as Partial<Record<ElementName, boolean>> | undefined;
	return {
		regret: stored?.regret ?? false,
		ownership: stored?.ownership ?? false,
		acknowledgment: stored?.acknowledgment ?? false,
		commitment: stored?.commitment ?? false
	};
}
