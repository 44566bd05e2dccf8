import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { offlineList } from '$lib/server/offline/public-pages';

/** The service worker's allow-list of public pages to keep for offline reading (one list, kept on the server). */
export const GET: RequestHandler = () => json(offlineList());
