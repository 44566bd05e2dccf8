import { hash, verify } from '@node-rs/argon2';

/** Argon2id with OWASP's baseline parameters (19 MiB, 2 iterations, 1 lane). */
const options = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
	try {
		return await verify(hashed, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown e-mail answers as slowly as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<false> {
	dummyHash ??= hashPassword('herstelpad-timing-equaliser');
	await verifyPassword(await dummyHash, password);
	return false;
}
