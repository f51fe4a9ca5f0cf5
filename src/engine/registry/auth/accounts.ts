// A registry's user accounts. Passwords are never kept: only a salted PBKDF2-SHA256 hash, as a
// real registry's htpasswd or identity provider would keep a bcrypt hash.
import { tracked } from '../../activity';
import { toHex, utf8 } from '../../bytes';

export interface Account {
  username: string;
  salt: string;
  /** PBKDF2-SHA256 of the password, hex. */
  hash: string;
}

const iterations = 20_000;

async function derive(password: string, salt: string): Promise<string> {
  const key = await tracked(crypto.subtle.importKey('raw', utf8(password), 'PBKDF2', false, ['deriveBits']));
  const bits = await tracked(
    crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: utf8(salt), iterations }, key, 256),
  );
  return toHex(new Uint8Array(bits));
}

/** Make an account; the salt is derived from the name so the same world always hashes the same. */
export async function createAccount(username: string, password: string): Promise<Account> {
  const salt = `dockyard:${username}`;
  return { username, salt, hash: await derive(password, salt) };
}

export async function checkPassword(account: Account, password: string): Promise<boolean> {
  const hash = await derive(password, account.salt);
  // Equal-length hex strings: compare every character so timing says nothing.
  let diff = hash.length ^ account.hash.length;
  for (let i = 0; i < hash.length; i++) diff |= hash.charCodeAt(i) ^ account.hash.charCodeAt(i);
  return diff === 0;
}
