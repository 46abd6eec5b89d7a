import { useOnline } from '../client/useOnline.ts';
import styles from './Banner.module.css';

/** Says plainly that the network is gone and what still works. Always rendered so it is announced. */
export function OfflineBanner() {
  const online = useOnline();
  return (
    <div role="status" className={online ? undefined : styles.offline}>
      {online ? null : <p>インターネットにつながっていません。一度開いた画面は見られますが、予約や送信はつながってからお試しください。</p>}
    </div>
  );
}
