/** The six things the home screen offers, in the order the city asked for. */
export interface PortalEntry {
  id: 'procedures' | 'facilities' | 'payments' | 'certificates' | 'mynumber' | 'text-size';
  path: string;
  title: string;
  /** One sentence under the title on the home tile: what the citizen can do there. */
  lead: string;
  /** The department that answers questions about it (see src/content/city.json). */
  departmentId: string;
}

export const PORTAL_ENTRIES: readonly PortalEntry[] = [
  {
    id: 'procedures',
    path: '/procedures',
    title: '手続きを探す',
    lead: '引っ越しや証明書、子育てなどの手続きを、ことばで探せます。',
    departmentId: 'johokanri',
  },
  {
    id: 'facilities',
    path: '/facilities',
    title: '施設を予約する',
    lead: '体育館や会議室などの空きを調べて、予約できます。',
    departmentId: 'shisetsu',
  },
  {
    id: 'payments',
    path: '/payments',
    title: '納付書で支払う',
    lead: '納付書のQRコードを読み取って、支払い方法をご案内します。',
    departmentId: 'shuzei',
  },
  {
    id: 'certificates',
    path: '/certificates',
    title: 'コンビニで証明書',
    lead: '住民票などをコンビニで取れるか確かめて、操作を練習できます。',
    departmentId: 'shimin',
  },
  {
    id: 'mynumber',
    path: '/mynumber',
    title: 'マイナンバーカードの予約',
    lead: 'カードの受け取りや電子証明書の更新の窓口を予約できます。',
    departmentId: 'shimin',
  },
  {
    id: 'text-size',
    path: '/settings',
    title: '文字の大きさ',
    lead: '文字を大きくして、読みやすくできます。',
    departmentId: 'johokanri',
  },
];

export function findEntry(id: PortalEntry['id']): PortalEntry {
  const entry = PORTAL_ENTRIES.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`unknown portal entry ${id}`);
  return entry;
}
