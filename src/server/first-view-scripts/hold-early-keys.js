// Holds the keys typed at a rendered view before the app has taken the page over (see
// HOLD_EARLY_KEYS in src/server/first-view-inline-scripts.ts). A classic script: no modules,
// nothing from the app; `options.holdForMs` and `options.globalName` come from the server.
function holdEarlyKeys(options) {
  var html = document.documentElement;
  var held = { keys: [], stop: function () { removeEventListener('keydown', hold, true); } };
  // As the shortcut engine's isEditableTarget (src/lib/shortcuts/shortcut-engine.ts), which this
  // classic script cannot import.
  function typing(el) {
    if (el.isContentEditable) return true;
    if (/^(textbox|searchbox|combobox|spinbutton|slider)$/.test(el.getAttribute('role') || '')) return true;
    var tag = el.tagName;
    if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
    return tag === 'INPUT' && !/^(checkbox|radio|button|submit|reset|image|file|color)$/i.test(el.type);
  }
  function hold(event) {
    var key = event.key, el = event.target;
    if (html.dataset.shortcuts === 'ready' || event.defaultPrevented || event.isComposing) return;
    if (event.ctrlKey || event.metaKey || event.altKey || held.keys.length >= 50) return;
    if (typeof key !== 'string' || !(key.length === 1 || /^(Arrow(Up|Down|Left|Right)|Escape|Enter)$/.test(key))) return;
    if (!el || !el.closest || typing(el)) return;
    if ((key === 'Enter' || key === ' ') && el.closest('button, a[href], summary, input, [role="button"], [role="link"]')) return;
    var card = el.closest('article[data-task-id]');
    held.keys.push({ key: key, code: event.code, shiftKey: event.shiftKey, repeat: event.repeat, at: event.timeStamp, taskId: card ? card.getAttribute('data-task-id') : null });
    event.preventDefault();
  }
  addEventListener('keydown', hold, true);
  setTimeout(held.stop, options.holdForMs);
  window[options.globalName] = held;
}
