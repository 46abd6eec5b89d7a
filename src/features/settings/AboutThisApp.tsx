import { useQuery } from '@tanstack/react-query';
import { healthQuery } from './health-query.ts';

/** Version and server connection, for a clerk or an instructor helping someone on their phone. */
export function AboutThisApp() {
  const health = useQuery(healthQuery);
  let connection = '確認しています…';
  if (health.isSuccess) connection = health.data.status === 'ok' ? 'つながっています' : '一部の機能が使えません';
  else if (health.isError) connection = 'つながっていません（一度開いた画面は見られます）';
  return (
    <dl>
      <dt>バージョン</dt>
      <dd>{__APP_VERSION__}</dd>
      <dt>市のサーバー</dt>
      <dd>{connection}</dd>
    </dl>
  );
}
