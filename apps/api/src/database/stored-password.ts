import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';

/** The password kept in `file` (mode 0600), generated and written on first use. */
export async function storedPassword(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(18).toString('base64url');
    await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
    return password;
  }
}
