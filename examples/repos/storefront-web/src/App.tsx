import { Provider } from 'react-redux';
import { ThemeProvider, Header } from '@acme/design-system';
import { store } from './store';

export function App({ locale }: { locale: string }) {
  return (
    <Provider store={store}>
      <ThemeProvider>
        <Header locale={locale} />
      </ThemeProvider>
    </Provider>
  );
}
