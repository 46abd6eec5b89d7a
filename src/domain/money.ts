/** 12300 → 12,300円: half-width digits with commas, as the portal writes every amount. */
export function formatYen(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}円`;
}
