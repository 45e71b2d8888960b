import { AudioPlayer } from '@/components/audio-player';
import { mediaUrl } from '@/lib/media-url';
import type { Task } from '@/shared/close/schemas';
import { formatPhone } from '../../utils/format-phone';
import { ContactName, InfoRow } from './info-row';
import { LeadLink } from './lead-link';
import { PhoneLink } from './phone-link';

/** A voicemail: who left it, and the recording to listen to right in the card. */
export function VoicemailBody({ task }: { task: Task }) {
  const caller = task.contact_name?.trim() || formatPhone(task.phone, task.phone_formatted) || 'unknown number';
  return (
    <>
      <InfoRow>
        <ContactName name={task.contact_name} />
        <PhoneLink srLabel="Caller" phone={task.phone} formatted={task.phone_formatted} description={task.phone_number_description} />
        <LeadLink leadId={task.lead_id} leadName={task.lead_name} />
      </InfoRow>
      <AudioPlayer
        src={mediaUrl(task.voicemail_url)}
        durationHint={task.voicemail_duration}
        label="voicemail"
        groupLabel={`Voicemail from ${caller}`}
        registryKey={task.id}
      />
    </>
  );
}
