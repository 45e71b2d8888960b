import { memo } from 'react';
import type { Task } from '@/shared/close/schemas';
import { AnsweredDetachedCallBody } from './answered-detached-call-body';
import { EmailFollowupBody } from './email-followup-body';
import { IncomingEmailBody } from './incoming-email-body';
import { IncomingSmsBody } from './incoming-sms-body';
import { LeadTaskBody } from './lead-task-body';
import { MissedCallBody } from './missed-call-body';
import { OpportunityDueBody } from './opportunity-due-body';
import { OutgoingCallBody } from './outgoing-call-body';
import { TaskMeta } from './task-meta';
import { UnknownTaskBody } from './unknown-task-body';
import { VoicemailBody } from './voicemail-body';

function TypeBody({ task }: { task: Task }) {
  switch (task._type) {
    case 'lead':
      return <LeadTaskBody task={task} />;
    case 'incoming_email':
      return <IncomingEmailBody task={task} />;
    case 'email_followup':
      return <EmailFollowupBody task={task} />;
    case 'missed_call':
      return <MissedCallBody task={task} />;
    case 'answered_detached_call':
      return <AnsweredDetachedCallBody task={task} />;
    case 'voicemail':
      return <VoicemailBody task={task} />;
    case 'opportunity_due':
      return <OpportunityDueBody task={task} />;
    case 'incoming_sms':
      return <IncomingSmsBody task={task} />;
    case 'outgoing_call':
      return <OutgoingCallBody task={task} />;
    default:
      return <UnknownTaskBody task={task} />;
  }
}

/**
 * What the card frame shows under the title: the type's details, then when it is due and whose
 * it is. `nowMs` comes from the caller so every card in a list agrees on "now" and "overdue".
 * Memoized: focusing, selecting or editing a card re-renders its frame, not the body.
 */
export const TaskCardBody = memo(function TaskCardBody({ task, timeZone, nowMs }: { task: Task; timeZone: string; nowMs: number }) {
  return (
    <div className="flex min-w-0 flex-col gap-1" data-task-type={task._type}>
      <TypeBody task={task} />
      <TaskMeta task={task} timeZone={timeZone} nowMs={nowMs} />
    </div>
  );
});
