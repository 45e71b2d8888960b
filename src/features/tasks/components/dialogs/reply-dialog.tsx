import type { Task } from '@/shared/close/schemas';
import { ModalDialog } from '@/components/ui/modal';
import { replyTargetOf } from '../../utils/reply-target';
import { taskTitle } from '../../utils/task-title';
import { EmailReplyForm } from '../reply/email-reply-form';
import { SmsReplyForm } from '../reply/sms-reply-form';

/**
 * Answer a task where it is (`r`): a text back to the number of an SMS, MMS, missed call or
 * voicemail, or a reply to an email. Send closes the dialog; the message waits a few seconds
 * with "Undo send" before it leaves (stores/pending-sends.ts), and then completes the task
 * unless the rep unticked that.
 */
export default function ReplyDialog({ task, onClose }: { task: Task; onClose: () => void }) {
  const target = replyTargetOf(task);
  const title = target?.kind === 'email' ? `Reply: ${taskTitle(task)}` : `Text back: ${taskTitle(task)}`;
  return (
    <ModalDialog title={title} isOpen onClose={onClose} width="max-w-xl">
      {target?.kind === 'sms' && <SmsReplyForm task={task} target={target} onDone={onClose} />}
      {target?.kind === 'email' && <EmailReplyForm task={task} target={target} onDone={onClose} />}
      {!target && <p className="text-sm text-slate-700 dark:text-slate-300">There is nothing to reply to on this task.</p>}
    </ModalDialog>
  );
}
