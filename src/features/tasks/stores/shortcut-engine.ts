/**
 * The app's one shortcut engine. The keyboard layer binds the catalog to it; a view with keys of
 * its own (queue mode's Skip and Escape) adds a layer on top while it is on screen.
 */
import { createShortcutEngine } from '@/lib/shortcuts/shortcut-engine';

export const triageShortcuts = createShortcutEngine();
