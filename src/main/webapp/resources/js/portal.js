/*
 * The few behaviours the pages declare with data attributes instead of inline handlers, which the
 * Content-Security-Policy does not let run:
 *   data-dialog-show="widgetVar" / data-dialog-hide="widgetVar"  open or close a PrimeFaces dialog;
 *   data-confirm="question"                                       asks before a button submits.
 * Delegated from the document, so elements replaced by ajax keep working.
 */
document.addEventListener('click', function (event) {
    var target = event.target.closest('[data-dialog-show],[data-dialog-hide],[data-confirm]');
    if (!target) {
        return;
    }
    if (target.hasAttribute('data-confirm') && !window.confirm(target.getAttribute('data-confirm'))) {
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
    }
    if (target.hasAttribute('data-dialog-show')) {
        PF(target.getAttribute('data-dialog-show')).show();
    } else if (target.hasAttribute('data-dialog-hide')) {
        PF(target.getAttribute('data-dialog-hide')).hide();
    }
}, true);
