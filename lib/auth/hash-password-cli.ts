// `npm run hash-password`: asks for a password (not echoed) or reads one line from a pipe, and prints
// the hash to put in KAFSCOPE_USERS (name:hash:roles) or the configuration file's auth.users.
import { createInterface } from 'node:readline';
import { hashPassword } from './password';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) return line;
    return '';
  }
  process.stderr.write('Password: ');
  process.stdin.setRawMode(true);
  let text = '';
  return new Promise((resolve) => {
    process.stdin.on('data', (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          process.stdin.setRawMode(false);
          process.stderr.write('\n');
          process.stdin.pause();
          resolve(text);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        if (ch === '\u007f') text = text.slice(0, -1);
        else text += ch;
      }
    });
  });
}

async function main(): Promise<void> {
  const password = await readPassword();
  if (password.length < 8) {
    console.error('hash-password: a password needs at least 8 characters');
    process.exit(1);
  }
  console.log(await hashPassword(password));
}

void main();
