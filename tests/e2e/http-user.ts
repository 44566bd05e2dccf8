import { expect, type APIRequestContext } from '@playwright/test';
import { apiContext, signUpOverHttp, uniqueEmail } from './fixtures';

/**
 * A signed-in user driven over plain HTTP, the way a browser without JavaScript posts forms.
 * Used to try every route and action with ids that belong to someone else.
 */
export class HttpUser {
	constructor(
		readonly api: APIRequestContext,
		readonly baseURL: string,
		readonly email: string
	) {}

	static async signUp(baseURL: string, name: string, role: 'repairing' | 'hurt') {
		const api = await apiContext(baseURL);
		const email = uniqueEmail(name);
		await signUpOverHttp(api, new URL(baseURL).origin, { name, email, role });
		return new HttpUser(api, baseURL, email);
	}

	post(path: string, form: Record<string, string> = {}) {
		return this.api.post(path, { form, headers: { origin: this.baseURL, accept: 'text/html' }, maxRedirects: 0 });
	}

	get(path: string) {
		return this.api.get(path, { maxRedirects: 0 });
	}

	/** Follows a 303 from an action and returns the id in the new location. */
	async createAndGetId(path: string, form: Record<string, string>, pattern: RegExp) {
		const res = await this.post(path, form);
		expect(res.status(), path).toBe(303);
		const id = pattern.exec(res.headers()['location'] ?? '')?.[1];
		expect(id, path).toBeTruthy();
		return id!;
	}

	async inviteLink() {
		const res = await this.post('/together?/invite');
		const html = await res.text();
		const link = /value="(http[^"]+\/invite\/[A-Za-z0-9_-]+)"/.exec(html)?.[1];
		expect(link).toBeTruthy();
		return new URL(link!).pathname;
	}

	async accept(invitePath: string) {
		expect((await this.post(`${invitePath}?/accept`)).status()).toBe(303);
	}
}
