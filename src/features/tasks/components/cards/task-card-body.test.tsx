// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '@/shared/close/schemas';
import {
  XSS_PAYLOAD,
  answeredDetachedCallTask,
  emailFollowupTask,
  hostileEmailTask,
  incomingEmailTask,
  incomingSmsTask,
  leadTask,
  missedCallTask,
  mmsTask,
  opportunityDueTask,
  outgoingCallTask,
  taskFixturesByType,
  unknownTypeTask,
  voicemailTask,
} from '../../testing/task-fixtures';
import { TaskCardBody } from './task-card-body';

const ZONE = 'America/New_York';
// Wed 2016-09-21 12:00 in New York: the SMS fixture (date-only 2016-09-21) is due today.
const NOW = Date.UTC(2016, 8, 21, 16, 0);

// jsdom lacks CSS.escape, which react-aria's modal uses; a faithful-enough stand-in for tests.
if (typeof globalThis.CSS?.escape !== 'function') {
  Object.defineProperty(globalThis, 'CSS', {
    configurable: true,
    value: { escape: (s: string) => s.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`) },
  });
}

let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
});
afterEach(() => {
  cleanup();
  // A render that logs an error (bad markup, missing key, act warnings) is a failure.
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});

function renderBody(task: Task, nowMs = NOW) {
  return render(<TaskCardBody task={task} timeZone={ZONE} nowMs={nowMs} />);
}

function leadHref(id: string) {
  return `https://app.close.com/lead/${id}/`;
}

describe('TaskCardBody', () => {
  it('renders every known type without crashing, with when and assignee', () => {
    for (const task of Object.values(taskFixturesByType)) {
      const { container, unmount } = renderBody(task);
      expect(container.querySelector(`[data-task-type="${task._type}"]`)).not.toBeNull();
      expect(container.querySelector('time')).not.toBeNull();
      expect(container.textContent).toContain(task.assigned_to_name!);
      unmount();
    }
  });

  it('lead: links the lead to Close in a new tab, safely', () => {
    renderBody(leadTask);
    const link = screen.getByRole('link', { name: /Close/ });
    expect(link.getAttribute('href')).toBe(leadHref(leadTask.lead_id!));
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByText('John Doe')).toBeTruthy();
  });

  it('incoming_email: contact, lead and a clamped body preview', () => {
    renderBody(incomingEmailTask);
    expect(screen.getByRole('link', { name: /Test Company/ })).toBeTruthy();
    const preview = screen.getByText('Hi, does your company provide metrics for 12/2014?');
    expect(preview.className).toContain('line-clamp-2');
  });

  it('email_followup: the unanswered preview', () => {
    renderBody(emailFollowupTask);
    expect(screen.getByText(/Please respond if you're interested/)).toBeTruthy();
    expect(screen.getByText('No reply to:')).toBeTruthy();
  });

  it('missed_call: a tel: link with the description, and the line that was called', () => {
    const { container } = renderBody(missedCallTask);
    const phone = screen.getByRole('link', { name: '+1 650-333-4444' });
    expect(phone.getAttribute('href')).toBe('tel:+16503334444');
    expect(screen.getByText('(California)')).toBeTruthy();
    expect(screen.getByText('to +1 919-333-2031')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Lead Name/ }).getAttribute('href')).toBe(leadHref(missedCallTask.lead_id!));
    // Seed 003 sends contact_name "": no empty contact element.
    expect(container.textContent).not.toContain('Contact:');
  });

  it('answered_detached_call: the phone and a recording player through the media route', () => {
    const { container } = renderBody(answeredDetachedCallTask);
    expect(screen.getByRole('link', { name: '+1 650-429-8174' }).getAttribute('href')).toBe('tel:+16504298174');
    expect(screen.getByRole('button', { name: 'Play recording' })).toBeTruthy();
    const audio = container.querySelector('audio')!;
    expect(audio.getAttribute('src')).toBe(`/api/media?url=${encodeURIComponent(answeredDetachedCallTask.recording_url!)}`);
  });

  it('voicemail: a player that preloads nothing and knows the duration up front', () => {
    const { container } = renderBody(voicemailTask);
    const audio = container.querySelector('audio')!;
    expect(audio.getAttribute('preload')).toBe('none');
    expect(audio.hasAttribute('controls')).toBe(false);
    expect(audio.getAttribute('src')).toBe(`/api/media?url=${encodeURIComponent(voicemailTask.voicemail_url!)}`);
    expect(screen.getByRole('group', { name: 'Voicemail from +1 631-423-8017' })).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Seek voicemail' }).getAttribute('aria-valuetext')).toBe('0:00 of 0:21');
    // The date-time is in 2014: overdue, shown with its year and time in New York.
    expect(screen.getByText('Overdue')).toBeTruthy();
    expect(container.querySelector('time')!.textContent).toContain('Wed, Jan 29, 2014, 4:18 PM');
  });

  it('does not call a completed task overdue', () => {
    renderBody({ ...voicemailTask, is_complete: true });
    expect(screen.queryByText('Overdue')).toBeNull();
  });

  it('voicemail: says so when the recording URL is not a safe http(s) URL', () => {
    const { container } = renderBody({ ...voicemailTask, voicemail_url: 'javascript:alert(1)' });
    expect(container.querySelector('audio')).toBeNull();
    expect(screen.getByText('Recording unavailable')).toBeTruthy();
  });

  it('opportunity_due: value with currency and period, and the note', () => {
    renderBody(opportunityDueTask);
    expect(screen.getByText('$1,300 one-time')).toBeTruthy();
    expect(screen.getByText('tqm cvr')).toBeTruthy();
    expect(screen.getByText('Stefan Wojcik')).toBeTruthy();
  });

  it('incoming_sms: sender, text, and a date-only date without a time', () => {
    const { container } = renderBody(incomingSmsTask);
    expect(screen.getByRole('link', { name: '+1 818-934-7000' }).getAttribute('href')).toBe('tel:+18189347000');
    expect(screen.getByText('Steve Ballmer')).toBeTruthy();
    expect(screen.getByText('Developers developers developers developers!!!')).toBeTruthy();
    const time = container.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe('2016-09-21');
    expect(time.textContent).toContain('today');
    expect(time.textContent).toContain('Wed, Sep 21');
    expect(time.textContent).not.toMatch(/AM|PM/);
    expect(screen.queryByText('Overdue')).toBeNull();
    expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull();
  });

  it('outgoing_call: whom to call and why', () => {
    renderBody(outgoingCallTask);
    expect(screen.getByText('Grace Hopper')).toBeTruthy();
    expect(screen.getByText('Walk through the renewal terms')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Test Inc\./ })).toBeTruthy();
  });

  it('an unknown type still shows its lead and text', () => {
    renderBody(unknownTypeTask);
    expect(screen.getByRole('link', { name: /New Lead/ })).toBeTruthy();
    expect(screen.getByText('Are you there?')).toBeTruthy();
    expect(screen.getByText('Open in Close for details')).toBeTruthy();
  });

  it('renders markup from the task as text, never as elements', () => {
    const { container } = renderBody(hostileEmailTask);
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(container.textContent).toContain('<script>alert(2)</script>');
    expect(container.textContent).toContain('<b>Mallory</b>');
    expect(screen.getByRole('link', { name: new RegExp(`Evil ${XSS_PAYLOAD.replace(/[()]/g, '\\$&')} Corp`) })).toBeTruthy();
  });
});

describe('MMS attachments', () => {
  it('shows an image as a lazy fixed-size thumbnail and a PDF as a chip with its size', () => {
    renderBody(mmsTask);
    const list = screen.getByRole('list', { name: 'Attachments' });
    const img = within(list).getByRole('img', { name: 'media_1.png' });
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('width')).toBe('56');
    expect(img.getAttribute('height')).toBe('56');
    expect(img.getAttribute('src')).toBe(`/api/media?url=${encodeURIComponent(mmsTask.attachments![0]!.thumbnail_url!)}`);

    const pdf = within(list).getByRole('link', { name: /contract\.pdf/ });
    expect(pdf.getAttribute('href')).toBe(`/api/media?url=${encodeURIComponent(mmsTask.attachments![1]!.url)}`);
    expect(pdf.getAttribute('rel')).toBe('noopener noreferrer');
    expect(pdf.textContent).toContain('242.2 KB');
  });

  it('opens the large image in a labelled modal dialog that Esc closes, returning focus', async () => {
    renderBody(mmsTask);
    const trigger = screen.getByRole('button', { name: 'Open image media_1.png' });
    act(() => trigger.focus());
    fireEvent.click(trigger);
    const dialog = await screen.findByRole('dialog', { name: 'media_1.png' });
    const large = within(dialog).getByRole('img', { name: 'media_1.png' });
    expect(large.getAttribute('src')).toBe(`/api/media?url=${encodeURIComponent(mmsTask.attachments![0]!.url)}`);
    // react-aria moves focus into the dialog after mounting it.
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    fireEvent.keyUp(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(trigger));
  });

  it('the close button closes the dialog', async () => {
    renderBody(mmsTask);
    fireEvent.click(screen.getByRole('button', { name: 'Open image media_1.png' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('turns attachments with unsafe URLs into plain chips, not links or images', () => {
    const { container } = renderBody({
      ...mmsTask,
      attachments: [
        { content_type: 'image/png', filename: 'evil.png', size: 10, thumbnail_url: 'javascript:alert(1)', url: 'data:image/png;base64,AA' },
        { content_type: 'application/pdf', filename: 'evil.pdf', size: 2048, url: 'javascript:alert(1)' },
      ],
    });
    expect(container.querySelector('img')).toBeNull();
    expect(screen.queryByRole('link', { name: /evil/ })).toBeNull();
    expect(screen.getByText('evil.png')).toBeTruthy();
    expect(screen.getByText('evil.pdf')).toBeTruthy();
    expect(screen.getByText('2 KB')).toBeTruthy();
  });
});
