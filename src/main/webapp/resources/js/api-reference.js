/*
 * Starts Swagger UI on the API page (api-reference.xhtml) with the document the page names in data-url.
 * A file of its own because the Content-Security-Policy lets no inline script run.
 */
(function () {
    'use strict';

    function start() {
        var root = document.getElementById('swagger-ui');
        if (!root || typeof window.SwaggerUIBundle !== 'function') {
            return;
        }
        window.ui = window.SwaggerUIBundle({
            url: root.getAttribute('data-url'),
            domNode: root,
            deepLinking: true,
            presets: [window.SwaggerUIBundle.presets.apis],
            // no top bar: the portal's own header and navigation frame the page
            layout: 'BaseLayout'
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
