/** The session cookie's name, shared by the session and CSRF guards. */
export const SESSION_COOKIE = 'chuyi_session';
