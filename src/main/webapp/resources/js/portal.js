/*
 * The few behaviours the pages declare with data attributes instead of inline handlers, which the
 * Content-Security-Policy does not let run:
 *   data-dialog-show="widgetVar" / data-dialog-hide="widgetVar"  open or close a PrimeFaces dialog;
 *   data-confirm="question"                                       asks before a button submits.
 * Delegated from the document, so elements replaced by ajax keep working.
 * Also the header's Menu button on narrow screens, and where focus goes after a form adds or removes a line.
 */

// Runs in the head, before the body is drawn: the CSS folds the navigation only when this script can open it.
document.documentElement.classList.add('js-nav');

function setNavigationOpen(open) {
    var toggle = document.getElementById('navToggle');
    document.documentElement.classList.toggle('nav-open', open);
    if (toggle) {
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
}

document.addEventListener('click', function (event) {
    if (event.target.closest('#navToggle')) {
        setNavigationOpen(!document.documentElement.classList.contains('nav-open'));
    }
});

document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && document.documentElement.classList.contains('nav-open')) {
        setNavigationOpen(false);
        document.getElementById('navToggle').focus();
    }
});

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

/*
 * Lines added or removed by ajax (a [data-lines] region; its buttons carry data-focus-after="added" or
 * "removed"): once the region is redrawn, focus goes to the first field of the new line, or of the line
 * that took the removed one's place, or to the add button when there is none, instead of the page's top.
 */
var pendingLineFocus = null;

document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-focus-after]');
    var region = button && button.closest('[data-lines]');
    if (!region) {
        return;
    }
    var lines = Array.prototype.slice.call(region.querySelectorAll('.line'));
    pendingLineFocus = {
        region: region.id,
        kind: button.getAttribute('data-focus-after'),
        index: lines.indexOf(button.closest('.line')),
        count: lines.length
    };
}, true);

function firstField(container) {
    return container.querySelector('input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])');
}

if (window.jQuery) {
    window.jQuery(document).on('pfAjaxComplete', function () {
        var pending = pendingLineFocus;
        var region = pending && document.getElementById(pending.region);
        pendingLineFocus = null;
        if (!region) {
            return;
        }
        var lines = region.querySelectorAll('.line');
        var line = null;
        if (pending.kind === 'added' && lines.length > pending.count) {
            line = lines[lines.length - 1];
        } else if (pending.kind === 'removed' && lines.length < pending.count) {
            line = lines[pending.index] || null;
        }
        var target = line ? firstField(line) : region.querySelector('[data-focus-after=added]');
        if (target) {
            target.focus();
        }
    });
}
