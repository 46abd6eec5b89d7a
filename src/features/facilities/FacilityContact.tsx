import { portalContact } from '../../content/city.ts';
import type { Facility } from '../../domain/facilities.ts';
import { PhoneLink } from '../../ui/PhoneLink.tsx';

/** The facility's phone when the city has confirmed it; the portal's own contact otherwise. */
export function FacilityContact({ facility }: { facility: Facility }) {
  if (facility.phone && facility.provenance.verified) {
    return (
      <p>
        お問い合わせ：{facility.name}（電話 <PhoneLink phone={facility.phone} />）
      </p>
    );
  }
  return (
    <p>
      わからないことは、{portalContact.name}（電話 <PhoneLink phone={portalContact.phone} />）にお問い合わせください。
    </p>
  );
}
