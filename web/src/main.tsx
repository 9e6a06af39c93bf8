// Entry: query cache, router, preferences (language, elder mode) and the routes.
// index.html has already applied the remembered language and elder mode and started the first page's
// requests; the portal renders with plain React + CSS, and antd arrives with the lazy sign-in and admin pages.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { i18nReady } from './i18n/index.ts';
import './styles/global.css';
import './styles/quotes.css';
import './styles/print.css';
import { PreferencesProvider } from './state/preferences.tsx';
import { AppRoutes } from './app-routes.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => count < 2 && ((err as { status?: number }).status ?? 500) >= 500,
    },
  },
});

await i18nReady;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <PreferencesProvider>
          <AppRoutes />
        </PreferencesProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
