// New page, new scroll position (the browser keeps it across client-side navigation otherwise).
import { useEffect } from 'react';
import { useLocation } from 'react-router';

export function ScrollToTop() {
  const { pathname } = useLocation();
  useEffect(() => {
    // A block body on purpose: recent Chromium returns a Promise from scrollTo, and React would take it for a clean-up.
    window.scrollTo(0, 0);
  }, [pathname]);
  return null;
}
