// Behind a rendered view, fetches the app's scripts once the browser has painted it (see
// START_APP_AFTER_PAINT in src/server/first-view-inline-scripts.ts). A classic script: no modules,
// nothing from the app; `options.heldId` names the <template> that holds the tags.
function startAppAfterPaint(options) {
  var held = document.getElementById(options.heldId);
  if (!held) return;
  var started = false;
  function start() {
    if (started) return;
    started = true;
    var tags = held.content.children;
    for (var i = 0; i < tags.length; i++) {
      var tag = document.createElement(tags[i].localName);
      for (var j = 0; j < tags[i].attributes.length; j++) tag.setAttribute(tags[i].attributes[j].name, tags[i].attributes[j].value);
      document.head.appendChild(tag);
    }
  }
  var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
  if (document.visibilityState !== 'visible' || !types || types.indexOf('paint') < 0) return start();
  new PerformanceObserver(function (list, observer) {
    if (!list.getEntriesByName('first-contentful-paint').length) return;
    observer.disconnect();
    start();
  }).observe({ type: 'paint', buffered: true });
  setTimeout(start, 1000);
}
