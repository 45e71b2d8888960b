/**
 * Every keyboard shortcut, in one table: the keyboard layer binds from it, the shortcut sheet
 * lists it, the command palette and the buttons show its keys. Keys use the shortcut engine's
 * syntax (`shift+j`, `g i`, `mod+k`); the first alternative is the one shown on buttons.
 */
export type ShortcutGroup = 'Move' | 'Act' | 'Select' | 'Go to' | 'Voicemail' | 'Help';

export type CommandId =
  | 'next'
  | 'previous'
  | 'open'
  | 'close'
  | 'complete'
  | 'complete-note'
  | 'priority'
  | 'snooze'
  | 'reassign'
  | 'reply'
  | 'undo'
  | 'select'
  | 'extend-down'
  | 'extend-up'
  | 'select-all'
  | 'select-none'
  | 'go-inbox'
  | 'go-future'
  | 'go-archive'
  | 'go-team'
  | 'filter-types'
  | 'start-queue'
  | 'skip'
  | 'new-task'
  | 'play'
  | 'slower'
  | 'faster'
  | 'shortcuts'
  | 'palette'
  | 'theme-light'
  | 'theme-dark'
  | 'theme-system';

export type ShortcutInfo = {
  id: CommandId;
  /** Alternatives; empty for commands reached only through the palette. */
  keys: readonly string[];
  label: string;
  group: ShortcutGroup;
  /** Extra words the palette's search should find it by. */
  aliases?: string;
  /** The capability it needs: without it the key does nothing and the sheet leaves it out. */
  needs?: 'priority' | 'completionNote';
};

export const SHORTCUTS: readonly ShortcutInfo[] = [
  { id: 'next', keys: ['j', 'ArrowDown'], label: 'Next task', group: 'Move', aliases: 'down' },
  { id: 'previous', keys: ['k', 'ArrowUp'], label: 'Previous task', group: 'Move', aliases: 'up' },
  { id: 'open', keys: ['o', 'Enter'], label: 'Open task', group: 'Move', aliases: 'detail details expand' },
  { id: 'close', keys: ['Escape'], label: 'Close, or clear the selection', group: 'Move' },
  { id: 'complete', keys: ['e'], label: 'Complete (reopen in the archive)', group: 'Act', aliases: 'done finish archive reopen' },
  { id: 'complete-note', keys: ['shift+e'], label: 'Complete with a note…', group: 'Act', aliases: 'done finish comment outcome', needs: 'completionNote' },
  { id: 'priority', keys: ['p'], label: 'High priority on or off', group: 'Act', aliases: 'urgent important flag normal', needs: 'priority' },
  { id: 'snooze', keys: ['h', 'b'], label: 'Snooze…', group: 'Act', aliases: 'later remind reschedule date' },
  { id: 'reassign', keys: ['a'], label: 'Reassign…', group: 'Act', aliases: 'assign owner give' },
  { id: 'reply', keys: ['r'], label: 'Reply: text back, answer the email', group: 'Act', aliases: 'answer respond sms text email call back' },
  { id: 'undo', keys: ['z', 'mod+z'], label: 'Undo the last action', group: 'Act', aliases: 'revert back' },
  { id: 'skip', keys: ['s', 'ArrowRight'], label: 'Skip (queue)', group: 'Act', aliases: 'next later pass' },
  { id: 'new-task', keys: ['c'], label: 'New task…', group: 'Act', aliases: 'create add todo' },
  { id: 'select', keys: ['x'], label: 'Select or deselect', group: 'Select', aliases: 'check toggle' },
  { id: 'extend-down', keys: ['shift+j', 'shift+ArrowDown'], label: 'Extend the selection down', group: 'Select' },
  { id: 'extend-up', keys: ['shift+k', 'shift+ArrowUp'], label: 'Extend the selection up', group: 'Select' },
  { id: 'select-all', keys: ['* a'], label: 'Select all loaded tasks', group: 'Select', aliases: 'everything' },
  { id: 'select-none', keys: ['* n'], label: 'Clear the selection', group: 'Select', aliases: 'deselect none' },
  { id: 'go-inbox', keys: ['g i'], label: 'Go to Inbox', group: 'Go to', aliases: 'view today' },
  { id: 'go-future', keys: ['g f'], label: 'Go to Future', group: 'Go to', aliases: 'view upcoming snoozed' },
  { id: 'go-archive', keys: ['g a'], label: 'Go to Archive', group: 'Go to', aliases: 'view completed done' },
  { id: 'go-team', keys: ['g t'], label: 'Go to Team (the manager’s desk)', group: 'Go to', aliases: 'desk workload reps rebalance manager' },
  { id: 'start-queue', keys: ['q'], label: 'Start the queue', group: 'Go to', aliases: 'focus mode one by one triage' },
  { id: 'filter-types', keys: ['/'], label: 'Filter by type', group: 'Go to', aliases: 'search types calls emails' },
  { id: 'play', keys: ['Space'], label: 'Play or pause the voicemail', group: 'Voicemail', aliases: 'audio listen recording' },
  { id: 'slower', keys: ['['], label: 'Slower playback', group: 'Voicemail', aliases: 'speed' },
  { id: 'faster', keys: [']'], label: 'Faster playback', group: 'Voicemail', aliases: 'speed' },
  { id: 'shortcuts', keys: ['?'], label: 'Show keyboard shortcuts', group: 'Help', aliases: 'help keys' },
  { id: 'palette', keys: ['mod+k'], label: 'Command palette', group: 'Help', aliases: 'commands search actions' },
  { id: 'theme-light', keys: [], label: 'Use the light theme', group: 'Help', aliases: 'appearance mode' },
  { id: 'theme-dark', keys: [], label: 'Use the dark theme', group: 'Help', aliases: 'appearance mode night' },
  { id: 'theme-system', keys: [], label: 'Follow the system theme', group: 'Help', aliases: 'appearance mode auto' },
];

const BY_ID = new Map(SHORTCUTS.map((s) => [s.id, s]));

export function shortcutKeys(id: CommandId): readonly string[] {
  return BY_ID.get(id)?.keys ?? [];
}

/** Whether the backend's capabilities offer a shortcut (unknown capabilities offer none that need one). */
export function isShortcutOffered(shortcut: ShortcutInfo, capabilities: { priority: boolean; completionNote: boolean } | undefined): boolean {
  return shortcut.needs === undefined || capabilities?.[shortcut.needs] === true;
}
