import { AudioPlayer } from '@/components/audio-player';
import { mediaUrl } from '@/lib/media-url';
import type { Task } from '@/shared/close/schemas';
import { formatPhone } from '../../utils/format-phone';
import { InfoRow } from './info-row';
import { LeadLink } from './lead-link';
import { PhoneLink } from './phone-link';

/** A call answered from a number that matches no contact: who it was, and the recording. */
export function AnsweredDetachedCallBody({ task }: { task: Task }) {
  const caller = formatPhone(task.phone, task.phone_formatted) ?? 'unknown number';
  return (
    <>
      <InfoRow>
        <PhoneLink srLabel="Caller" phone={task.phone} formatted={task.phone_formatted} description={task.phone_number_description} />
        <LeadLink leadId={task.lead_id} leadName={task.lead_name} />
        <span className="inline-flex items-center gap-1 italic">No matching contact</span>
      </InfoRow>
      {task.recording_url && (
        <AudioPlayer src={mediaUrl(task.recording_url)} label="recording" groupLabel={`Call recording, ${caller}`} registryKey={task.id} />
      )}
    </>
  );
}
