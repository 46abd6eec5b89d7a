import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { mockServer } from '../../../mocks/node.ts';
import { AboutThisApp } from './AboutThisApp.tsx';

function renderAbout() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <AboutThisApp />
    </QueryClientProvider>,
  );
}

describe('AboutThisApp', () => {
  it('says the server is reachable when health answers ok', async () => {
    renderAbout();
    expect(await screen.findByText('つながっています')).toBeInTheDocument();
    expect(screen.getByText(__APP_VERSION__)).toBeInTheDocument();
  });

  it('says some features are unavailable when the database is down', async () => {
    mockServer.use(
      http.get('/api/v1/health', () =>
        HttpResponse.json({
          status: 'degraded',
          version: 'x',
          database: { engine: 'sqlite', status: 'error', schemaVersion: null },
          content: { fingerprint: 'x' },
        }),
      ),
    );
    renderAbout();
    expect(await screen.findByText('一部の機能が使えません')).toBeInTheDocument();
  });

  it('says it is not connected when the network fails', async () => {
    mockServer.use(http.get('/api/v1/health', () => HttpResponse.error()));
    renderAbout();
    expect(await screen.findByText('つながっていません（一度開いた画面は見られます）')).toBeInTheDocument();
  });
});
