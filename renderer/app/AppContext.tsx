import { createContext, useContext } from 'react';
import type { AppContext } from './context';

const Context = createContext<AppContext | null>(null);

/** Provides the app context (store, host, workers) to every component. */
export const AppProvider = Context.Provider;

/** The app context; components call actions and read the store through it. */
export function useApp(): AppContext {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useApp outside AppProvider');
  return ctx;
}
