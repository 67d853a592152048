import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { ThemeProvider } from '@acme/design-system';
import { createQueryClient } from './queryClient';
import { ReturnsApp } from './ReturnsApp';

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={createQueryClient()}>
    <ThemeProvider>
      <ReturnsApp />
    </ThemeProvider>
  </QueryClientProvider>,
);
