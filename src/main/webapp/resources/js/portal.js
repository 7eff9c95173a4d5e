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

/*
 * After a refused form (issue 24, part 2): the error summary (WEB-INF/templates/error-summary.xhtml)
 * takes the focus, so that the person hears or sees every problem at once, and each listed field is
 * marked invalid and described by its own message (or, without one beside it, by its summary line).
 * Runs on load and after each PrimeFaces ajax update.
 */
(function () {
    function controlsOf(field) {
        if (field.matches('input, select, textarea')) {
            return [field];
        }
        return Array.prototype.slice.call(field.querySelectorAll('input, select, textarea'));
    }

    function messageOf(field) {
        var box = field.closest('.field, fieldset, td, li') || field.parentElement;
        var message = box ? box.querySelector('.field-error') : null;
        if (!message && box) {
            // the message may follow the field's box (a checkbox with its label, for instance)
            var next = box.nextElementSibling;
            message = next && next.classList.contains('field-error') ? next : null;
        }
        return message;
    }

    function tie(summary) {
        summary.querySelectorAll('a[data-field]').forEach(function (link) {
            var field = document.getElementById(link.getAttribute('data-field'));
            if (!field) {
                return;
            }
            var message = messageOf(field);
            var describedBy = link.parentElement.id;
            if (message) {
                if (!message.id) {
                    message.id = field.id + '-error';
                }
                describedBy = message.id;
            }
            controlsOf(field).forEach(function (control) {
                control.setAttribute('aria-invalid', 'true');
                var before = (control.getAttribute('aria-describedby') || '').split(' ').filter(function (id) {
                    return id && id !== describedBy;
                });
                before.push(describedBy);
                control.setAttribute('aria-describedby', before.join(' '));
            });
        });
    }

    function showErrors() {
        var summary = document.querySelector('[data-error-summary]');
        if (!summary || summary.hasAttribute('data-tied')) {
            return;
        }
        summary.setAttribute('data-tied', 'true');
        tie(summary);
        summary.focus();
    }

    // a link of the summary puts the caret in its field, not only the field in view
    document.addEventListener('click', function (event) {
        var link = event.target.closest('[data-error-summary] a[data-field]');
        if (!link) {
            return;
        }
        var field = document.getElementById(link.getAttribute('data-field'));
        var control = field ? controlsOf(field)[0] || field : null;
        if (control) {
            event.preventDefault();
            control.focus();
            control.scrollIntoView({block: 'center'});
        }
    });

    document.addEventListener('DOMContentLoaded', showErrors);
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', showErrors);
    }
})();

/*
 * data-confirm-replace="fieldId" data-confirm-text="question": a button that fills a field (the decide
 * page's "Use this reason") asks first when the field already holds typed text (issue 24, part 7).
 */
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-confirm-replace]');
    if (!button) {
        return;
    }
    var field = document.getElementById(button.getAttribute('data-confirm-replace'));
    if (field && field.value.trim() !== '' && !window.confirm(button.getAttribute('data-confirm-text'))) {
        event.preventDefault();
        event.stopImmediatePropagation();
    }
}, true);
