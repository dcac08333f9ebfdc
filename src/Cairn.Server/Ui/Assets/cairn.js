// Renders every chart the server described: <div data-plotly='{"data":[...],"layout":{...}}'>.
// Runs on first load and again after Blazor's enhanced navigation swaps the page in place.
(function () {
    'use strict';

    const baseLayout = {
        margin: { l: 56, r: 16, t: 32, b: 44 },
        font: { family: 'system-ui, -apple-system, "Segoe UI", sans-serif', size: 12 },
        paper_bgcolor: 'rgba(0,0,0,0)',
        plot_bgcolor: 'rgba(0,0,0,0)',
        legend: { orientation: 'h', y: -0.2 },
    };

    function renderCharts(root) {
        if (typeof Plotly === 'undefined') {
            return;
        }
        for (const element of root.querySelectorAll('[data-plotly]')) {
            // Compare the whole spec: a live component changes the numbers in place (same length).
            if (element.cairnSpec === element.dataset.plotly) {
                continue;
            }
            const spec = JSON.parse(element.dataset.plotly);
            const layout = Object.assign({}, baseLayout, spec.layout || {});
            Plotly.react(element, spec.data || [], layout, { responsive: true, displaylogo: false });
            element.cairnSpec = element.dataset.plotly;
            element.dataset.rendered = element.dataset.plotly.length.toString();
        }
    }

    window.cairn = { renderCharts: renderCharts };
    document.addEventListener('DOMContentLoaded', () => renderCharts(document));
    window.addEventListener('load', () => {
        if (window.Blazor && window.Blazor.addEventListener) {
            window.Blazor.addEventListener('enhancedload', () => renderCharts(document));
        }
    });
})();
