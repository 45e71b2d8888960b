// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SignInPage } from './sign-in-page';

let consoleError: ReturnType<typeof vi.spyOn>;

const OUTREACH_CONFIG = {
  backend: 'outreach',
  sign_in: 'required',
  provider: 'Outreach',
  api_key: false,
  oauth: true,
  oauth_start: '/auth/oauth/start',
  help: { api_key: null, oauth: 'Outreach has no API keys: you sign in on Outreach’s own page.' },
  demo_users: null,
};

const CLOSE_CONFIG = {
  backend: 'close',
  sign_in: 'required',
  provider: 'Close',
  api_key: true,
  oauth: true,
  oauth_start: '/auth/oauth/start',
  help: { api_key: 'In Close, open Settings → Developer → API Keys.', oauth: "You confirm on Close's own page." },
  demo_users: null,
};

function renderWithConfig(config: unknown, error?: string) {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(config), { status: 200, headers: { 'content-type': 'application/json' } }));
  const queryClient = new QueryClient();
  render(
    <QueryClientProvider client={queryClient}>
      <SignInPage returnTo="/future?tz=UTC" error={error} />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});

describe('SignInPage', () => {
  it('on Outreach: "Sign in with Outreach" to the provider-neutral start, where to find things, and no key form', async () => {
    renderWithConfig(OUTREACH_CONFIG, 'access_denied');
    const link = await screen.findByRole('link', { name: 'Sign in with Outreach' });
    expect(link.getAttribute('href')).toBe('/auth/oauth/start?return_to=%2Ffuture%3Ftz%3DUTC');
    expect(screen.getByText(/Outreach has no API keys/)).toBeTruthy();
    expect(screen.getByText(/Your tasks in Outreach/)).toBeTruthy();
    expect(screen.queryByLabelText(/API key/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign in with API key' })).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('Sign-in with Outreach was cancelled. Try again.');
  });

  it('on Close: "Sign in with Close" and the key form with Close\'s own hint', async () => {
    renderWithConfig(CLOSE_CONFIG);
    expect(await screen.findByRole('link', { name: 'Sign in with Close' })).toBeTruthy();
    expect(screen.getByLabelText('Close API key')).toBeTruthy();
    expect(screen.getByText('In Close, open Settings → Developer → API Keys.')).toBeTruthy();
  });
});
