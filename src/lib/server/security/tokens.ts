import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** 256 bits from the OS CSPRNG, base64url: for session, reset and invitation tokens. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as SHA-256 hashes, so a leaked database holds no usable token. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export function newId(): string {
	return randomUUID();
}
