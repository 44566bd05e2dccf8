/**
 * The app's one time zone: every day and time the interface shows, and every "today" the server
 * computes, is in it, so both partners see the same day whatever their device or the server says.
 */
export const APP_TIME_ZONE = 'Europe/Amsterdam';
