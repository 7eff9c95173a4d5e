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
