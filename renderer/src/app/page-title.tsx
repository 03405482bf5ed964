import { createContext, useContext, useEffect } from 'react';

// A page that is about one thing (an opened request) names it in the window's title line
// instead of the menu section's name; the section's name returns when the page closes.
export const PageTitleContext = createContext<(title: string | null) => void>(() => undefined);

export function usePageTitle(title: string | null): void {
  const set = useContext(PageTitleContext);
  useEffect(() => {
    set(title);
    return () => set(null);
  }, [set, title]);
}
