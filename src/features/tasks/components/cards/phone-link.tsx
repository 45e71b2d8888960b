import { PhoneIcon } from '@/components/icons';
import { formatPhone, phoneHref } from '../../utils/format-phone';
import { LINK_CLASS } from './lead-link';

type PhoneLinkProps = {
  phone: string | null | undefined;
  formatted?: string | null;
  /** Where the number is from, e.g. "California". */
  description?: string | null;
  /** Read before the number by screen readers, e.g. "Caller" or "Your line". */
  srLabel?: string;
};

/**
 * A phone number as a `tel:` link, with its description. It never shrinks: on a narrow card the
 * names around it give way (truncated) rather than the number a rep calls back, which would
 * otherwise be squeezed under its neighbours.
 */
export function PhoneLink({ phone, formatted, description, srLabel = 'Phone' }: PhoneLinkProps) {
  const display = formatPhone(phone, formatted);
  if (!display) return null;
  const href = phoneHref(phone) ?? phoneHref(formatted);
  const about = description?.trim();
  return (
    <span className="inline-flex shrink-0 items-center gap-1">
      <PhoneIcon className="size-3.5 shrink-0" />
      <span className="sr-only">{srLabel}: </span>
      {href ? (
        <a href={href} className={`whitespace-nowrap tabular-nums ${LINK_CLASS}`}>
          {display}
        </a>
      ) : (
        <span className="whitespace-nowrap tabular-nums">{display}</span>
      )}
      {about && <span className="truncate">({about})</span>}
    </span>
  );
}
