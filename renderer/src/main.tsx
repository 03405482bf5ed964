import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    // Main answers locally: retrying a refused call only repeats the same error.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme} lang="ja">
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </FluentProvider>
    </StrictMode>,
  );
}
