import { GROUP_TYPE_LABELS, GROUP_TYPES, RESIDENCIES, RESIDENCY_LABELS, type Facility, type Room } from '../../domain/facilities.ts';
import styles from './facilities.module.css';
import { formatYen } from '../../domain/money.ts';
import { blockText } from '../../domain/facilities.ts';

/** One table per residency; rows are the blocks, columns the groups. Stacks on narrow screens. */
export function FeeTable({ facility, room }: { facility: Facility; room: Room }) {
  const fees = room.fees;
  if (!fees) return <p>料金は、まだこのアプリに載っていません。施設にお問い合わせください。</p>;
  return (
    <>
      {room.feeNote && <p>{room.feeNote}</p>}
      {RESIDENCIES.map((residency) => (
        <table key={residency} className={styles.fees}>
          <caption>
            {room.name}の使用料（{RESIDENCY_LABELS[residency]}の方）
          </caption>
          <thead>
            <tr>
              <th scope="col">時間</th>
              {GROUP_TYPES.map((group) => (
                <th key={group} scope="col">
                  {GROUP_TYPE_LABELS[group]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {facility.blocks
              .filter((block) => fees[block.id])
              .map((block) => (
                <tr key={block.id}>
                  <th scope="row">{blockText(block)}</th>
                  {GROUP_TYPES.map((group) => (
                    <td key={group} data-label={GROUP_TYPE_LABELS[group]}>
                      {formatYen(fees[block.id]?.[residency][group] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      ))}
      {!room.feeProvenance.verified && <p>{room.feeProvenance.note ?? '料金は確認中です。'}</p>}
    </>
  );
}
