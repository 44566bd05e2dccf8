import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { offlinePublicPaths } from '$lib/server/offline/public-pages';

/** The service worker's allow-list of public pages to keep for offline reading. */
export const GET: RequestHandler = () => json(offlinePublicPaths());
