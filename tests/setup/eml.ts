/** Undoes quoted-printable soft breaks and escapes, enough to read links out of a raw message. */
export function decodeQuotedPrintable(raw: string): string {
	return raw
		.replace(/=\r?\n/g, '')
		.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function findLink(raw: string, pattern: RegExp): string | null {
	return decodeQuotedPrintable(raw).match(pattern)?.[0] ?? null;
}
