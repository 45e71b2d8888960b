// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { type Mock, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AudioPlayer } from './audio-player';
import { type AudioPlayerHandle, getAudioPlayer } from './audio-player-registry';

const SRC = '/api/media?url=https%3A%2F%2Fs3.amazonaws.com%2Fvm.mp3';

// jsdom has no media playback: play/pause/load only log "not implemented". The stubs stand in for
// the browser, and the tests fire the media events a browser would.
type MediaCall<R> = (audio: HTMLMediaElement) => R;
let play: Mock<MediaCall<Promise<void>>>;
let pause: Mock<MediaCall<void>>;
let load: Mock<MediaCall<void>>;
let consoleError: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  play = vi.fn<MediaCall<Promise<void>>>(() => Promise.resolve());
  pause = vi.fn<MediaCall<void>>();
  load = vi.fn<MediaCall<void>>();
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
    return play(this);
  });
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(function (this: HTMLMediaElement) {
    pause(this);
  });
  vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(function (this: HTMLMediaElement) {
    load(this);
  });
  consoleError = vi.spyOn(console, 'error');
});

afterEach(() => {
  cleanup();
  expect(consoleError).not.toHaveBeenCalled();
  vi.restoreAllMocks();
});

function audioOf(container: HTMLElement): HTMLAudioElement {
  const audio = container.querySelector('audio');
  if (!audio) throw new Error('no <audio> rendered');
  return audio;
}

function seekSlider(label = 'voicemail') {
  return screen.getByRole('slider', { name: `Seek ${label}` });
}

describe('AudioPlayer', () => {
  it('loads nothing up front and shows the hinted duration', () => {
    const { container } = render(<AudioPlayer src={SRC} durationHint={21} />);
    const audio = audioOf(container);
    expect(audio.getAttribute('preload')).toBe('none');
    expect(audio.hasAttribute('controls')).toBe(false);
    expect(audio.getAttribute('src')).toBe(SRC);
    expect(screen.getByRole('button', { name: 'Play voicemail' })).toBeTruthy();
    expect(seekSlider().getAttribute('aria-valuetext')).toBe('0:00 of 0:21');
    expect((seekSlider() as HTMLInputElement).disabled).toBe(false);
    expect(container.textContent).toContain('0:00 / 0:21');
    expect(load).not.toHaveBeenCalled();
    expect(play).not.toHaveBeenCalled();
  });

  it('replaces the hint with the real duration once metadata loads', () => {
    const { container } = render(<AudioPlayer src={SRC} durationHint={21} />);
    const audio = audioOf(container);
    Object.defineProperty(audio, 'duration', { configurable: true, value: 30.4 });
    fireEvent(audio, new Event('loadedmetadata'));
    expect(seekSlider().getAttribute('aria-valuetext')).toBe('0:00 of 0:30');
  });

  it('keeps the hint when the stream reports no finite duration', () => {
    const { container } = render(<AudioPlayer src={SRC} durationHint={21} />);
    const audio = audioOf(container);
    Object.defineProperty(audio, 'duration', { configurable: true, value: Number.POSITIVE_INFINITY });
    fireEvent(audio, new Event('durationchange'));
    expect(seekSlider().getAttribute('aria-valuetext')).toBe('0:00 of 0:21');
  });

  it('cannot seek before any duration is known', () => {
    render(<AudioPlayer src={SRC} />);
    expect((seekSlider() as HTMLInputElement).disabled).toBe(true);
    expect(seekSlider().getAttribute('aria-valuetext')).toBe('0:00');
  });

  it('plays and pauses, naming the button after what it will do', () => {
    const { container } = render(<AudioPlayer src={SRC} durationHint={21} label="recording" />);
    const audio = audioOf(container);
    fireEvent.click(screen.getByRole('button', { name: 'Play recording' }));
    expect(play).toHaveBeenCalledWith(audio);
    fireEvent(audio, new Event('play'));
    fireEvent.click(screen.getByRole('button', { name: 'Pause recording' }));
    expect(pause).toHaveBeenCalledWith(audio);
    fireEvent(audio, new Event('pause'));
    expect(screen.getByRole('button', { name: 'Play recording' })).toBeTruthy();
  });

  it('follows playback and seeks from the slider', () => {
    const { container } = render(<AudioPlayer src={SRC} durationHint={21} />);
    const audio = audioOf(container);
    audio.currentTime = 5;
    fireEvent(audio, new Event('timeupdate'));
    expect(seekSlider().getAttribute('aria-valuetext')).toBe('0:05 of 0:21');

    fireEvent.change(seekSlider(), { target: { value: '12' } });
    expect(audio.currentTime).toBe(12);
    expect(seekSlider().getAttribute('aria-valuetext')).toBe('0:12 of 0:21');
    expect(container.textContent).toContain('0:12 / 0:21');
  });

  it('cycles the speed 1× → 1.5× → 2× → 1× and applies it to the audio', () => {
    const { container } = render(<AudioPlayer src={SRC} durationHint={21} />);
    const audio = audioOf(container);
    fireEvent.click(screen.getByRole('button', { name: 'Playback speed 1×' }));
    expect(audio.playbackRate).toBe(1.5);
    expect(audio.defaultPlaybackRate).toBe(1.5);
    fireEvent.click(screen.getByRole('button', { name: 'Playback speed 1.5×' }));
    expect(audio.playbackRate).toBe(2);
    fireEvent.click(screen.getByRole('button', { name: 'Playback speed 2×' }));
    expect(audio.playbackRate).toBe(1);
  });

  it('can be driven through its ref and through the registry', () => {
    const ref = createRef<AudioPlayerHandle>();
    const { container, unmount } = render(<AudioPlayer ref={ref} src={SRC} durationHint={21} registryKey="noti_vm_1" />);
    const audio = audioOf(container);
    expect(getAudioPlayer('noti_vm_1')).toBe(ref.current);

    act(() => ref.current!.toggle());
    expect(play).toHaveBeenCalledTimes(1);
    fireEvent(audio, new Event('play'));
    expect(ref.current!.isPlaying()).toBe(true);
    act(() => getAudioPlayer('noti_vm_1')!.toggle());
    expect(pause).toHaveBeenCalledTimes(1);

    act(() => ref.current!.faster());
    act(() => ref.current!.faster());
    act(() => ref.current!.faster());
    expect(audio.playbackRate).toBe(2);
    expect(ref.current!.playbackRate()).toBe(2);
    act(() => ref.current!.slower());
    expect(audio.playbackRate).toBe(1.5);
    act(() => ref.current!.slower());
    act(() => ref.current!.slower());
    expect(audio.playbackRate).toBe(1);

    unmount();
    expect(getAudioPlayer('noti_vm_1')).toBeUndefined();
  });

  it('lets only one recording play at a time', () => {
    const { container } = render(
      <>
        <AudioPlayer src={SRC} label="voicemail" registryKey="a" />
        <AudioPlayer src={`${SRC}2`} label="recording" registryKey="b" />
      </>,
    );
    const [first, second] = [...container.querySelectorAll('audio')];
    fireEvent(first!, new Event('play'));
    fireEvent(second!, new Event('play'));
    expect(pause).toHaveBeenCalledWith(first);
    expect(pause).not.toHaveBeenCalledWith(second);
  });

  it('shows a visible alert when the audio fails to load, and retries on play', () => {
    const { container } = render(<AudioPlayer src={SRC} durationHint={21} />);
    const audio = audioOf(container);
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent(audio, new Event('error'));
    expect(screen.getByRole('alert').textContent).toBe("Couldn't load the voicemail.");

    fireEvent.click(screen.getByRole('button', { name: 'Play voicemail' }));
    expect(load).toHaveBeenCalledWith(audio);
    expect(play).toHaveBeenCalledWith(audio);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the alert when the browser refuses to play the source', async () => {
    play.mockImplementation(() => Promise.reject(new DOMException('no supported source', 'NotSupportedError')));
    render(<AudioPlayer src={SRC} durationHint={21} />);
    fireEvent.click(screen.getByRole('button', { name: 'Play voicemail' }));
    expect((await screen.findByRole('alert')).textContent).toBe("Couldn't load the voicemail.");
  });

  it('ignores a play interrupted by a pause', async () => {
    play.mockImplementation(() => Promise.reject(new DOMException('interrupted', 'AbortError')));
    render(<AudioPlayer src={SRC} durationHint={21} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Play voicemail' }));
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when there is no playable source', () => {
    const { container } = render(<AudioPlayer src={null} durationHint={21} />);
    expect(container.querySelector('audio')).toBeNull();
    expect(screen.getByText('Recording unavailable')).toBeTruthy();
  });
});
