// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiKeyForm } from './api-key-form';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | 'unreachable';

let consoleError: ReturnType<typeof vi.spyOn>;
let requests: { url: string; body: unknown }[];

function answerWith(answer: Answer) {
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    requests.push({ url, body: init.body ? JSON.parse(String(init.body)) : undefined });
    if (answer === 'unreachable') throw new TypeError('Failed to fetch');
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  });
}

beforeEach(() => {
  requests = [];
  consoleError = vi.spyOn(console, 'error');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  // A render that logs an error (bad markup, act warnings) is a failure.
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});

function renderForm(onSignedIn = vi.fn()) {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <ApiKeyForm onSignedIn={onSignedIn} />
    </QueryClientProvider>,
  );
  return { onSignedIn, queryClient };
}

function submitKey(key: string) {
  fireEvent.change(screen.getByLabelText('Close API key'), { target: { value: key } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in with API key' }));
}

describe('ApiKeyForm', () => {
  it('tells where to find a key in Close', () => {
    renderForm();
    const field = screen.getByLabelText('Close API key');
    expect(field.getAttribute('type')).toBe('password');
    const hint = document.getElementById(field.getAttribute('aria-describedby')!);
    expect(hint?.textContent).toContain('Settings → Developer → API Keys');
  });

  it('asks for a key before sending an empty one', async () => {
    answerWith({ status: 200, body: {} });
    renderForm();
    submitKey('   ');
    expect((await screen.findByRole('alert')).textContent).toBe('Enter your Close API key.');
    expect(screen.getByLabelText('Close API key').getAttribute('aria-invalid')).toBe('true');
    expect(requests).toEqual([]);
  });

  it('sends the key and reports the sign-in', async () => {
    answerWith({ status: 200, body: { user: { id: 'user_jonas', email: 'jonas@example.com', first_name: 'Jonas', last_name: 'Weber' } } });
    const { onSignedIn, queryClient } = renderForm();
    queryClient.setQueryData(['me'], { id: 'user_alex' });
    submitKey(' demo-key-jonas ');
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(requests).toEqual([{ url: '/auth/session', body: { api_key: 'demo-key-jonas' } }]);
    // Nothing of the previous person stays in the cache.
    expect(queryClient.getQueryData(['me'])).toBeUndefined();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each<[string, Answer, RegExp]>([
    ['a key Close refuses', { status: 401, body: { error: 'Close refused this API key.' } }, /^Close refused this API key\. Check that you copied all of it/],
    ['Close unreachable (502)', { status: 502, body: { error: 'Bad gateway' } }, /^Can't reach Close right now\./],
    ['Close too slow (504)', { status: 504, body: { error: 'Timeout' } }, /^Can't reach Close right now\./],
    ['our server unreachable', 'unreachable', /^Can't reach Triage's server\./],
    ['too many attempts', { status: 429, body: { error: 'Too many attempts.' }, headers: { 'retry-after': '300' } }, /^Too many sign-in attempts from this device\. Try again in 5 minutes\.$/],
    ['too many attempts, no Retry-After', { status: 429, body: { error: 'Too many attempts.' } }, /Try again in a few minutes\.$/],
    ['a missing key (server side)', { status: 400, body: { error: 'api_key is required', field: 'api_key', 'field-errors': { api_key: 'Required.' } } }, /^Enter your Close API key\.$/],
    ['anything else', { status: 500, body: { error: 'Database is on fire' } }, /^Sign-in failed: Database is on fire$/],
  ])('says so clearly for %s', async (_what, answer, message) => {
    answerWith(answer);
    const { onSignedIn } = renderForm();
    submitKey('api_wrong');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(message);
    expect(onSignedIn).not.toHaveBeenCalled();
    // The message is tied to the field for screen readers, and the form can be sent again.
    expect(screen.getByLabelText('Close API key').getAttribute('aria-describedby')).toContain(alert.id);
    expect(screen.getByRole('button', { name: 'Sign in with API key' }).hasAttribute('disabled')).toBe(false);
  });
});
