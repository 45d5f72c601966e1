// Inlined at the top of every benchmark page (before any library): the one way
// each page says "my charts are drawn". A page calls benchDrawn() as soon as its
// marks exist (SVG elements in the DOM, or the library's first canvas draw);
// performance.mark('drawn') then follows the first frame that paints them.
//
// Where the call comes from matters by a frame. From an ordinary task, the marks
// are painted by the next rendering update: wait for its animation frame, then
// post a task, which runs once that update (style, layout, paint) is done. From
// inside a rendering update (an animation-frame callback, as Chart.js and
// ECharts draw their canvas, or a ResizeObserver callback, as a chart that waits
// for its width draws), this very update paints them: post the task straight
// away. The wrappers below tell which, at the cost of one flag per callback.
(() => {
  let inRendering = false;
  let scheduled = false;
  const afterThisTask = (callback) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback();
    channel.port2.postMessage(null);
  };
  const entered = () => {
    if (inRendering) return;
    inRendering = true;
    // A task posted during a rendering update runs after that update.
    afterThisTask(() => (inRendering = false));
  };
  const nativeFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    nativeFrame((time) => {
      entered();
      callback(time);
    });
  const NativeResizeObserver = window.ResizeObserver;
  window.ResizeObserver = class extends NativeResizeObserver {
    constructor(callback) {
      super((entries, observer) => {
        entered();
        callback(entries, observer);
      });
    }
  };

  window.benchDrawn = () => {
    if (scheduled) return;
    scheduled = true;
    const mark = () => performance.mark('drawn');
    if (inRendering) afterThisTask(mark);
    else nativeFrame(() => afterThisTask(mark));
  };
  /**
   * For custom elements that draw in their shadow root (the kit): calls
   * benchDrawn() as soon as `ready()` holds, checked on every change under the
   * elements' shadow roots (a MutationObserver reacts in the same task as the
   * change). An element's `error` event fails the page.
   */
  window.benchWatchShadow = async (elements, ready) => {
    await Promise.all(elements.map((element) => customElements.whenDefined(element.localName)));
    const check = () => {
      if (ready()) {
        observer.disconnect();
        window.benchDrawn();
      }
    };
    const observer = new MutationObserver(check);
    for (const element of elements) {
      element.addEventListener('error', () => window.benchFail(`${element.localName}: ${element.error ? element.error.message : 'error'}`));
      observer.observe(element.shadowRoot, { childList: true, subtree: true, attributes: true, characterData: true });
    }
    check();
  };
  /** The first-chart pages' numbers, inlined by the server as JSON script elements. */
  window.benchData = () => ({
    churn: JSON.parse(document.getElementById('churn').textContent),
    cohorts: JSON.parse(document.getElementById('cohorts').textContent),
  });
  /** A page that cannot draw says why; the runner reports it instead of waiting. */
  window.benchFail = (message) => {
    window.benchError = String(message);
    performance.mark('failed');
  };
  window.addEventListener('error', (event) => {
    // Chromium reports a benign ResizeObserver loop as an error event; it is no failure to draw.
    if (!/ResizeObserver loop/.test(event.message)) window.benchFail(event.message);
  });
  window.addEventListener('unhandledrejection', (event) => window.benchFail(event.reason && event.reason.message ? event.reason.message : event.reason));
})();
