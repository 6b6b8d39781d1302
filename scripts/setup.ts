/**
 * npm run setup        creates the first administrator of a fresh install, asking for its password
 *
 * Options: --username admin --name 组委会办公室; the password is asked for (not echoed), or read
 * from SETUP_PASSWORD for unattended installs. Refused once any administrator exists.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { closeDatabase, openMigratedDatabase } from '#db/client.ts';
import { loadConfig } from '#app/config.server.ts';
import { createFirstAdmin, hasAdmin } from '#app/models/account.server.ts';
import { ModelError } from '#app/models/errors.ts';
import { translator } from '#app/i18n/i18n.ts';

/** Asks a question; with `hidden`, what is typed is not shown. */
function ask(question: string, hidden = false): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stdout.write('\n');
      resolve(answer);
    });
    muted = hidden;
  });
}

const { values } = parseArgs({ options: { username: { type: 'string', default: 'admin' }, name: { type: 'string', default: '组委会办公室' } } });
const config = loadConfig();
const db = openMigratedDatabase(config.databasePath);
const t = translator('zh-CN');
try {
  if (hasAdmin(db)) {
    console.error('已有管理员账号，无需设置 (an administrator already exists; log in instead)');
    process.exit(1);
  }
  let password = process.env.SETUP_PASSWORD ?? '';
  if (!password) {
    if (!process.stdin.isTTY) {
      console.error('请在终端中运行，或用 SETUP_PASSWORD 提供密码 (run in a terminal, or set SETUP_PASSWORD)');
      process.exit(2);
    }
    password = await ask(`管理员 ${values.username} 的密码 (password): `, true);
    if ((await ask('再输入一次 (again): ', true)) !== password) {
      console.error(t('errors.password_mismatch'));
      process.exit(2);
    }
  }
  await createFirstAdmin(db, { username: values.username!, displayName: values.name!, password });
  console.log(`已创建管理员 ${values.username} (administrator created): 用它登录 http://localhost:${config.port}/login`);
} catch (error) {
  if (!(error instanceof ModelError)) throw error;
  console.error(String(t(`errors.${error.code}`, error.params)));
  process.exit(2);
} finally {
  closeDatabase(db);
}
