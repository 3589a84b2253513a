/**
 * Credentials in URLs (`https://user:password@host`, `git+https://oauth2:TOKEN@host/…`) are never shown.
 * Everything between `scheme://` and the last `@` of the line is replaced, so a password holding `'`,
 * `"`, `/`, `@` or spaces is hidden whole (at worst more than the credentials is hidden, never less).
 */
const URL_USERINFO = /(\b[A-Za-z][A-Za-z0-9+.-]*:\/\/)[^\n]*@/g;

export function redactUrlCredentials(text: string): string {
  return text.replace(URL_USERINFO, '$1***@');
}
