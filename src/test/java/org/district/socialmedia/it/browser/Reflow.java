package org.district.socialmedia.it.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.util.List;

/**
 * WCAG 1.4.10 Reflow, measured in the browser: what makes the page scroll sideways or falls outside
 * the viewport, and text cut off by its box. The one allowed sideways scroller is a wrapper with the
 * class {@code table-scroll} (a wide data table inside it scrolls on its own); whatever is inside one
 * is not measured. Elements placed far off to the left on purpose (the skip link until it gets focus,
 * PrimeFaces' visually hidden inputs) are not content that is cut.
 */
public final class Reflow {

    private static final String SCRIPT = """
            const width = document.documentElement.clientWidth;
            const problems = [];
            const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (typeof el.className === 'string' && el.className.trim()
                    ? '.' + el.className.trim().split(/\\s+/).slice(0, 3).join('.') : '')
                + ' "' + (el.innerText || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
            if (document.documentElement.scrollWidth > width) {
                problems.push('the page is ' + document.documentElement.scrollWidth + ' px wide in a '
                    + width + ' px viewport');
            }
            const visible = el => {
                const style = getComputedStyle(el);
                return style.visibility !== 'hidden' && style.display !== 'none';
            };
            const ruler = document.createElement('canvas').getContext('2d');
            const cutLabel = el => { // an input button's label wraps only when told to; else measure it
                const style = getComputedStyle(el);
                if (['normal', 'pre-wrap', 'break-spaces', 'pre-line'].includes(style.whiteSpace)) {
                    return false;
                }
                ruler.font = style.font;
                return ruler.measureText(el.value).width > el.clientWidth - parseFloat(style.paddingLeft)
                    - parseFloat(style.paddingRight) + 1;
            };
            for (const el of document.body.querySelectorAll('*')) {
                if (el.closest('.table-scroll') || !visible(el)) {
                    continue;
                }
                const box = el.getBoundingClientRect();
                if (box.width <= 1 || box.height <= 1 || box.right <= 0) {
                    continue;
                }
                if (box.right > width + 1 || box.left < -1) {
                    const parent = el.parentElement.getBoundingClientRect();
                    if (parent.right > width + 1 && !el.parentElement.closest('.table-scroll')) {
                        continue; // its container is reported already
                    }
                    problems.push(name(el) + ' spans ' + Math.round(box.left) + '..' + Math.round(box.right) + ' px');
                    continue;
                }
                if (el.matches('input[type=submit], input[type=button], input[type=reset]') && cutLabel(el)) {
                    problems.push(name(el) + ' cuts its label');
                    continue;
                }
                const style = getComputedStyle(el);
                if (el.matches('td, th, dt, dd, label, legend, h1, h2, h3, p, li, a, button, span')
                        && (style.overflowX === 'hidden' || style.overflowX === 'clip')
                        && el.scrollWidth > el.clientWidth + 1) {
                    problems.push(name(el) + ' cuts its text: ' + el.scrollWidth + ' px in ' + el.clientWidth + ' px');
                }
            }
            return problems.slice(0, 12);
            """;

    private Reflow() {
    }

    /** What overflows on the current page; empty when it reflows. */
    @SuppressWarnings("unchecked")
    public static List<String> problems(WebDriver driver) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(SCRIPT);
    }

    public static long viewportWidth(WebDriver driver) {
        return (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
    }
}
