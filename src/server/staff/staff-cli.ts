/**
 * Staff accounts from the server's shell (built to dist/server/staff-cli.js):
 *   npm run staff:add -- --login tanaka.h --name "田中 花子" --role 窓口
 *   npm run staff:reset -- tanaka.h      (a new password; also lifts a lock-out)
 *   npm run staff:disable -- tanaka.h    (the account can no longer sign in; its sessions end)
 * The password is asked for without echo, or read from standard input when it is not a terminal.
 * The database is the server's (under DATA_DIR, or DATABASE_URL); the server may be running meanwhile.
 */
import { parseArgs } from 'node:util';
import { loginNameSchema, newStaffAccountSchema } from '../../domain/staff-api.ts';
import { STAFF_ROLE_NAMES, STAFF_ROLES, type StaffRole } from '../../domain/staff-roles.ts';
import { describeProblems } from '../../domain/validation.ts';
import { readConfig } from '../config.ts';
import { readNewSecret } from '../read-secret.ts';
import { openStore } from '../store/open-store.ts';
import { SERVER_COMMAND_ACTOR } from './audit.ts';
import { type AccountOutcome, staffAccounts } from './staff-accounts.ts';

const USAGE = `使い方:
  npm run staff:add -- --login ログイン名 --name 名前 --role 窓口|施設|管理者
  npm run staff:reset -- ログイン名
  npm run staff:disable -- ログイン名`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Accepts the role as the clerks say it (窓口) or as the code names it (counter). */
function readRole(value: string | undefined): StaffRole {
  const role = STAFF_ROLES.find((candidate) => candidate === value || STAFF_ROLE_NAMES[candidate] === value);
  return role ?? fail(`役割は ${STAFF_ROLES.map((candidate) => STAFF_ROLE_NAMES[candidate]).join('・')} のどれかにしてください。`);
}

function readLoginName(value: string | undefined): string {
  const parsed = loginNameSchema.safeParse(value ?? '');
  return parsed.success
    ? parsed.data
    : fail(
        describeProblems(parsed.error)
          .map((problem) => problem.message)
          .join('\n'),
      );
}

const askPassword = () => readNewSecret('新しいパスワード（12文字以上。画面には出ません）：', '1回目と2回目のパスワードが違います。');

async function run(command: string | undefined, args: string[]): Promise<string> {
  // The same database as the server: SQLite under DATA_DIR, or PostgreSQL when DATABASE_URL is set.
  const store = await openStore(readConfig(process.env, null));
  const accounts = staffAccounts(store.staff, () => new Date());
  const finish = async (outcome: AccountOutcome, done: string) => {
    await store.close();
    return outcome.ok ? done : fail(outcome.problem);
  };
  if (command === 'add') {
    const { values } = parseArgs({ args, options: { login: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } } });
    const role = readRole(values.role);
    const parsed = newStaffAccountSchema.safeParse({ loginName: values.login ?? '', displayName: values.name ?? '', role, password: '' });
    if (!parsed.success)
      fail(
        describeProblems(parsed.error)
          .map((problem) => problem.message)
          .join('\n'),
      );
    const outcome = await accounts.add({ ...parsed.data, password: await askPassword() }, SERVER_COMMAND_ACTOR);
    return finish(outcome, `${parsed.data.loginName}（${STAFF_ROLE_NAMES[role]}）を追加しました。`);
  }
  if (command === 'reset') {
    const loginName = readLoginName(args[0]);
    return finish(
      await accounts.resetPassword(loginName, await askPassword(), SERVER_COMMAND_ACTOR),
      `${loginName} のパスワードを変え、ロックを解除しました。ログイン中の端末はログアウトしました。`,
    );
  }
  if (command === 'disable') {
    const loginName = readLoginName(args[0]);
    return finish(await accounts.disable(loginName, SERVER_COMMAND_ACTOR), `${loginName} を停止しました。ログイン中の端末はログアウトしました。`);
  }
  return fail(USAGE);
}

const [command, ...rest] = process.argv.slice(2);
run(command, rest)
  .then((message) => process.stdout.write(`${message}\n`))
  .catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
