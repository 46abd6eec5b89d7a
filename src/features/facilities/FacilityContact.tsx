import { mainPhone, portalContact } from '../../content/city.ts';
import type { Facility } from '../../domain/facilities.ts';
import { PhoneLink } from '../../ui/PhoneLink.tsx';

/**
 * The facility's phone when the city has confirmed it; otherwise the city hall's main number (for a
 * sample facility, which has no staff to ask, the portal's own contact).
 */
export function FacilityContact({ facility }: { facility: Facility }) {
  if (facility.phone && facility.provenance.verified) {
    return (
      <p>
        お問い合わせ：{facility.name}（電話 <PhoneLink phone={facility.phone} />）
      </p>
    );
  }
  if (facility.sample) {
    return (
      <p>
        わからないことは、{portalContact.name}（電話 <PhoneLink phone={portalContact.phone} />
        ）にお問い合わせください。
      </p>
    );
  }
  return (
    <p>
      {facility.name}の電話番号は確認中です。わからないことは、市役所の代表電話（電話 <PhoneLink phone={mainPhone} />
      ）にお問い合わせください。
    </p>
  );
}
