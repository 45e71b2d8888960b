/**
 * The app's CSP allows only stylesheets from our origin (style-src 'self'), so a library that
 * injects a <style> element is refused and logs an error. Two do:
 *   - React Aria's usePress adds `react-aria-pressable-style` (touch-action for pressables) unless
 *     an element with that id exists. Its rule is in styles.css; this marker says so.
 *   - zod probes for eval (`new Function`) to speed up parsing; `jitless` skips the probe, which
 *     CSP (script-src 'self') would refuse anyway.
 */
import { config } from 'zod/mini';

export function applyCspCompat(doc: Document = document): void {
  config({ jitless: true });
  if (!doc.getElementById('react-aria-pressable-style')) {
    const marker = doc.createElement('meta');
    marker.id = 'react-aria-pressable-style';
    marker.setAttribute('name', 'react-aria-pressable-style');
    marker.setAttribute('content', 'in styles.css');
    doc.head.append(marker);
  }
}
