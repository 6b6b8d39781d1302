/** Shared by the server and the forms: how long a password must be. */
export const PASSWORD_MIN_LENGTH = 8;
