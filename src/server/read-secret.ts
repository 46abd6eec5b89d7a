/**
 * Reads a secret (a PIN, a password) typed at the server's terminal without showing it, or from
 * standard input when it is not a terminal (`printf … | npm run -s …`), for scripts and tests.
 */
export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.trim();
  }
  process.stdout.write(prompt);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  return new Promise((resolve) => {
    let secret = '';
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          process.stdin.off('data', onData);
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdout.write('\n');
          resolve(secret);
          return;
        }
        if (char === '\u0003') process.exit(130);
        if (char === '\u007f') secret = secret.slice(0, -1);
        else secret += char;
      }
    };
    process.stdin.on('data', onData);
  });
}

/** Asks twice on a terminal, so a typing mistake is not saved; once from a pipe. */
export async function readNewSecret(prompt: string, mismatch: string): Promise<string> {
  const secret = await readSecret(prompt);
  if (process.stdin.isTTY && (await readSecret('もう一度入力してください：')) !== secret) {
    console.error(mismatch);
    process.exit(1);
  }
  return secret;
}
